package dev.gamingapi.server.readmodel.leaderboards;

/**
 * A player's place in rank order: rank order is ascending {@code (rankScore, reachedSeq, player)},
 * where {@code rankScore} is the score on ascending boards and its negation on descending ones.
 *
 * @param rankScore the score, negated on descending boards
 * @param reachedSeq the stream sequence of the event that last changed the score (who reached a
 *     score first ranks higher)
 * @param player the player's id, the last tie-break
 */
record RankKey(double rankScore, long reachedSeq, String player) {
  /**
   * The condition every read of {@code rm_board_entries} in rank order carries (always true: a
   * stream sequence is 1 or more): the rank index is partial on it (migration V11), so that lookups
   * by player cannot take that index.
   */
  static final String RANKED = " AND reached_seq > 0";

  /** The key of {@code score} on {@code board}. */
  static RankKey of(Board board, double score, long reachedSeq, String player) {
    return new RankKey(rankScore(board, score), reachedSeq, player);
  }

  /** The score as rank order wants it ({@code 0.0 - score} rather than -score: no -0.0). */
  static double rankScore(Board board, double score) {
    return board.order().equals("desc") ? 0.0 - score : score;
  }

  /** The score back from a rank score of {@code board}. */
  static double score(Board board, double rankScore) {
    return board.order().equals("desc") ? 0.0 - rankScore : rankScore;
  }
}
