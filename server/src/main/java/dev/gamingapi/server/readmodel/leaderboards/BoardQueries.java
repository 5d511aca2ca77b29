package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Leaderboard queries. Rank order: score (by the board's order), then who reached the score first
 * (the lower stream sequence), then the player id; in the tables that is ascending {@code
 * (rank_score, reached_seq, player)}, one index for every board. Pages are keyset pages: the cursor
 * carries the last row's rank and key, so a rank is right at every page edge and with ties. A
 * player's rank comes from the rank blocks ({@link RankBlocks}), not from counting the board.
 */
public final class BoardQueries {
  private static final String FROM =
      " FROM rm_board_entries WHERE account = :account AND board = :board AND period = :period";
  private static final String KEY = "(rank_score, reached_seq, player)";
  private static final String ASCENDING = " ORDER BY rank_score, reached_seq, player";
  private static final String DESCENDING =
      " ORDER BY rank_score DESC, reached_seq DESC, player DESC";

  private final Jdbi jdbi;
  private final RankBlocks blocks = new RankBlocks(RankBlocks.DEFAULT_MAX_PLAYERS);

  /** Queries over {@code jdbi}. */
  public BoardQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A page of the board in rank order. */
  public Page<Standing> top(String account, Board board, String period, PageRequest request) {
    long rank = 0;
    RankKey after = null;
    if (request.after() != null) {
      String[] parts = request.after().split("\\|", 4);
      try {
        rank = Long.parseLong(parts[0]);
        after = RankKey.of(board, Double.parseDouble(parts[1]), Long.parseLong(parts[2]), parts[3]);
      } catch (RuntimeException e) {
        throw new InvalidRequestException("cursor", "is not a cursor of this list");
      }
    }
    RankKey position = after;
    List<RankKey> rows =
        jdbi.withHandle(
            handle ->
                position == null
                    ? keys(handle, account, board, period, "", ASCENDING, null, request.limit() + 1)
                    : keys(
                        handle,
                        account,
                        board,
                        period,
                        " AND " + KEY + " > (:s, :r, :p)",
                        ASCENDING,
                        position,
                        request.limit() + 1));
    List<Standing> items = new ArrayList<>();
    for (int i = 0; i < Math.min(rows.size(), request.limit()); i++) {
      items.add(standing(board, rank + i + 1, rows.get(i)));
    }
    if (rows.size() <= request.limit()) {
      return new Page<>(items, null);
    }
    RankKey last = rows.get(request.limit() - 1);
    return new Page<>(
        items,
        PageRequest.cursorAfter(
            (rank + request.limit())
                + "|"
                + RankKey.score(board, last.rankScore())
                + "|"
                + last.reachedSeq()
                + "|"
                + last.player()));
  }

  private static Standing standing(Board board, long rank, RankKey key) {
    return new Standing(rank, key.player(), RankKey.score(board, key.rankScore()));
  }

  private static List<RankKey> keys(
      Handle handle,
      String account,
      Board board,
      String period,
      String where,
      String order,
      RankKey at,
      int limit) {
    var query =
        handle
            .createQuery(
                "SELECT rank_score, reached_seq, player"
                    + FROM
                    + RankKey.RANKED
                    + where
                    + order
                    + " LIMIT :limit")
            .bind("account", account)
            .bind("board", board.name())
            .bind("period", period)
            .bind("limit", limit);
    if (at != null) {
      query.bind("s", at.rankScore()).bind("r", at.reachedSeq()).bind("p", at.player());
    }
    return query
        .map((rs, ctx) -> new RankKey(rs.getDouble(1), rs.getLong(2), rs.getString(3)))
        .list();
  }

  /** The rank and score of {@code player}, if ranked in {@code period}. */
  public Optional<Standing> standing(String account, Board board, String period, String player) {
    return jdbi.withHandle(
        handle ->
            key(handle, account, board, period, player)
                .map(key -> standing(board, 1 + ahead(handle, account, board, period, key), key)));
  }

  private static Optional<RankKey> key(
      Handle handle, String account, Board board, String period, String player) {
    return handle
        .createQuery("SELECT rank_score, reached_seq" + FROM + " AND player = :player")
        .bind("account", account)
        .bind("board", board.name())
        .bind("period", period)
        .bind("player", player)
        .map((rs, ctx) -> new RankKey(rs.getDouble(1), rs.getLong(2), player))
        .findOne();
  }

  private long ahead(Handle handle, String account, Board board, String period, RankKey key) {
    return blocks.ahead(handle, new RankBlocks.Scope(account, board.name(), period), key);
  }

  /** Up to {@code n} players before {@code player}, the player, and up to {@code n} after. */
  public Optional<List<Standing>> around(
      String account, Board board, String period, String player, int n) {
    return jdbi.withHandle(
        handle -> {
          Optional<RankKey> found = key(handle, account, board, period, player);
          if (found.isEmpty()) {
            return Optional.empty();
          }
          RankKey me = found.get();
          long rank = 1 + ahead(handle, account, board, period, me);
          List<RankKey> before =
              keys(
                  handle,
                  account,
                  board,
                  period,
                  " AND " + KEY + " < (:s, :r, :p)",
                  DESCENDING,
                  me,
                  n);
          List<RankKey> after =
              keys(
                  handle,
                  account,
                  board,
                  period,
                  " AND " + KEY + " > (:s, :r, :p)",
                  ASCENDING,
                  me,
                  n);
          Collections.reverse(before);
          List<Standing> list = new ArrayList<>();
          for (int i = 0; i < before.size(); i++) {
            list.add(standing(board, rank - before.size() + i, before.get(i)));
          }
          list.add(standing(board, rank, me));
          for (int i = 0; i < after.size(); i++) {
            list.add(standing(board, rank + i + 1, after.get(i)));
          }
          return Optional.of(list);
        });
  }

  /** How many players are ranked in {@code period}. */
  public long count(String account, Board board, String period) {
    return jdbi.withHandle(
        handle -> blocks.count(handle, new RankBlocks.Scope(account, board.name(), period)));
  }

  /** The periods with scores, newest first. */
  public List<String> periods(String account, Board board) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT DISTINCT period FROM rm_board_blocks WHERE account = :account"
                        + " AND board = :board ORDER BY period DESC")
                .bind("account", account)
                .bind("board", board.name())
                .mapTo(String.class)
                .list());
  }
}
