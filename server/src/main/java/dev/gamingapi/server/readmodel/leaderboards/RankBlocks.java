package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.server.store.BatchSql;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The rank index of the leaderboards ({@code rm_board_blocks}, see migration V7): each board period
 * in rank order is cut into consecutive blocks that count their players, so that a rank is the sum
 * of the blocks before the player's own (at most a thousand rows at a million players) plus the
 * players ahead inside it (at most {@link #maxPlayers}), instead of a count over the whole board.
 *
 * <p>A block starts at its {@code lo} key and holds every player from there up to the next block's
 * {@code lo}. Keys below the first block belong to it (its {@code lo} is lowered when one arrives).
 * Blocks are kept in the transaction that changes the scores, by the tenant's one writer: a batch
 * moves players between blocks in memory ({@link BlockMap}) and {@link #write}s the difference; a
 * block that grows past {@link #maxPlayers} splits in two, an empty one goes.
 */
final class RankBlocks {
  /** The size at which a block splits; the migration builds blocks of half of it. */
  static final int DEFAULT_MAX_PLAYERS = 2048;

  private static final String WHERE =
      " WHERE account = :account AND board = :board AND period = :period";
  private static final String LO = "(lo_score, lo_seq, lo_player)";
  private static final String KEY = "(rank_score, reached_seq, player)";

  private final int maxPlayers;

  RankBlocks(int maxPlayers) {
    if (maxPlayers < 2) {
      throw new IllegalArgumentException("a block must hold 2 players or more: " + maxPlayers);
    }
    this.maxPlayers = maxPlayers;
  }

  /** A block: where it starts and how many players it holds. */
  private record Block(RankKey lo, long players) {}

  /** Where a board period's rows are, for every statement of this class. */
  record Scope(String account, String board, String period) {}

  /** How many players rank before {@code key}. */
  long ahead(Handle handle, Scope scope, RankKey key) {
    Optional<Block> block = containing(handle, scope, key);
    if (block.isEmpty()) {
      return 0;
    }
    RankKey lo = block.get().lo();
    long before =
        bind(
                handle.createQuery(
                    "SELECT COALESCE(SUM(players), 0) FROM rm_board_blocks"
                        + WHERE
                        + " AND "
                        + LO
                        + " < (:s, :r, :p)"),
                scope,
                lo)
            .mapTo(Long.class)
            .one();
    // Two counts rather than one over [lo, key): a row comparison bounds a B-tree scan by its
    // first column only (PostgreSQL 15), so with one the scan ran through every player tied on the
    // key's score (47,000 at score 0 on the benchmark's board: 6 ms for a count of 6). Below the
    // key's score the first column bounds the scan; at it, equality on the score leaves
    // (reached_seq, player) to bound it, and reached_seq is close to unique.
    boolean sameScore = lo.rankScore() == key.rankScore();
    long inside =
        bind(
                handle.createQuery(
                    "SELECT (SELECT COUNT(*) FROM rm_board_entries"
                        + WHERE
                        + RankKey.RANKED
                        + " AND "
                        + KEY
                        + " >= (:s, :r, :p) AND rank_score < :ks)"
                        + " + (SELECT COUNT(*) FROM rm_board_entries"
                        + WHERE
                        + RankKey.RANKED
                        + " AND rank_score = :ks AND (reached_seq, player) >= (:fr, :fp)"
                        + " AND (reached_seq, player) < (:kr, :kp))"),
                scope,
                lo)
            .bind("ks", key.rankScore())
            .bind("kr", key.reachedSeq())
            .bind("kp", key.player())
            // From the block's start when it is in the key's tie, else from the tie's start.
            .bind("fr", sameScore ? lo.reachedSeq() : 0L)
            .bind("fp", sameScore ? lo.player() : "")
            .mapTo(Long.class)
            .one();
    return before + inside;
  }

  /** How many players the board period ranks. */
  long count(Handle handle, Scope scope) {
    return bind(
            handle.createQuery("SELECT COALESCE(SUM(players), 0) FROM rm_board_blocks" + WHERE),
            scope)
        .mapTo(Long.class)
        .one();
  }

  /**
   * Builds the blocks of a board period again from its entries, in blocks of half {@link
   * #maxPlayers}: after a bulk load, or to repair. The same statement as migration V7's (with
   * {@link RankKey#RANKED}, for the rank index).
   */
  void rebuild(Handle handle, Scope scope) {
    bind(handle.createUpdate("DELETE FROM rm_board_blocks" + WHERE), scope).execute();
    bind(
            handle.createUpdate(
                """
                INSERT INTO rm_board_blocks
                  (account, board, period, lo_score, lo_seq, lo_player, players)
                SELECT account, board, period, rank_score, reached_seq, player,
                       CASE WHEN total - position + 1 < :size THEN total - position + 1
                            ELSE :size END
                FROM (
                  SELECT account, board, period, rank_score, reached_seq, player,
                         ROW_NUMBER() OVER (ORDER BY rank_score, reached_seq, player) AS position,
                         COUNT(*) OVER () AS total
                  FROM rm_board_entries
                  WHERE account = :account AND board = :board AND period = :period%s
                ) ranked
                WHERE (position - 1) %% :size = 0
                """
                    .formatted(RankKey.RANKED)),
            scope)
        .bind("size", Math.max(1, maxPlayers / 2))
        .execute();
  }

  /**
   * Splits the block at {@code lo} holding {@code players} in halves until every part holds at most
   * {@link #maxPlayers}; the entries must already be written.
   */
  void split(Handle handle, Scope scope, RankKey lo, long players) {
    if (players <= maxPlayers) {
      return;
    }
    long half = players / 2;
    RankKey middle =
        bind(
                handle.createQuery(
                    "SELECT rank_score, reached_seq, player FROM rm_board_entries"
                        + WHERE
                        + RankKey.RANKED
                        + " AND "
                        + KEY
                        + " >= (:s, :r, :p) ORDER BY rank_score, reached_seq, player"
                        + " LIMIT 1 OFFSET :half"),
                scope,
                lo)
            .bind("half", half)
            .map((rs, ctx) -> new RankKey(rs.getDouble(1), rs.getLong(2), rs.getString(3)))
            .one();
    setPlayers(handle, scope, lo, half);
    insert(handle, scope, middle, players - half);
    split(handle, scope, lo, half);
    split(handle, scope, middle, players - half);
  }

  /** Every block of a board period: first key and player count. */
  static Map<RankKey, Long> load(Handle handle, Scope scope) {
    Map<RankKey, Long> blocks = new HashMap<>();
    bind(
            handle.createQuery(
                "SELECT lo_score, lo_seq, lo_player, players FROM rm_board_blocks" + WHERE),
            scope)
        .map((rs, ctx) -> block(rs.getDouble(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
        .forEach(block -> blocks.put(block.lo(), block.players()));
    return blocks;
  }

  /**
   * Writes what a batch changed in a board period's blocks, then splits the blocks that grew too
   * big (the batch's entries must already be written).
   */
  void write(Handle handle, Scope scope, BlockMap.Changes changes) {
    // One JDBC batch per kind of change: a round trip each rather than one per block.
    BatchSql sql = new BatchSql(handle);
    String where =
        " WHERE account = ? AND board = ? AND period = ? AND lo_score = ? AND lo_seq = ?"
            + " AND lo_player = ?";
    sql.batch(
        "DELETE FROM rm_board_blocks" + where,
        changes.deleted(),
        (statement, lo) -> bindBlock(statement, 1, scope, lo));
    sql.batch(
        "UPDATE rm_board_blocks SET players = ?" + where,
        changes.updated().entrySet(),
        (statement, block) -> {
          statement.setLong(1, block.getValue());
          bindBlock(statement, 2, scope, block.getKey());
        });
    sql.batch(
        "INSERT INTO rm_board_blocks (account, board, period, lo_score, lo_seq, lo_player, players)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        changes.inserted().entrySet(),
        (statement, block) -> {
          bindBlock(statement, 1, scope, block.getKey());
          statement.setLong(7, block.getValue());
        });
    changes.updated().forEach((lo, players) -> split(handle, scope, lo, players));
    changes.inserted().forEach((lo, players) -> split(handle, scope, lo, players));
  }

  // The six parameters that name a block, from index first on.
  private static void bindBlock(PreparedStatement statement, int first, Scope scope, RankKey lo)
      throws SQLException {
    statement.setString(first, scope.account());
    statement.setString(first + 1, scope.board());
    statement.setString(first + 2, scope.period());
    statement.setDouble(first + 3, lo.rankScore());
    statement.setLong(first + 4, lo.reachedSeq());
    statement.setString(first + 5, lo.player());
  }

  private Optional<Block> containing(Handle handle, Scope scope, RankKey key) {
    return bind(
            handle.createQuery(
                "SELECT lo_score, lo_seq, lo_player, players FROM rm_board_blocks"
                    + WHERE
                    + " AND "
                    + LO
                    + " <= (:s, :r, :p) ORDER BY lo_score DESC, lo_seq DESC, lo_player DESC"
                    + " LIMIT 1"),
            scope,
            key)
        .map((rs, ctx) -> block(rs.getDouble(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
        .findOne();
  }

  private static Block block(double score, long seq, String player, long players) {
    return new Block(new RankKey(score, seq, player), players);
  }

  private static void insert(Handle handle, Scope scope, RankKey lo, long players) {
    bind(
            handle.createUpdate(
                "INSERT INTO rm_board_blocks (account, board, period, lo_score, lo_seq, lo_player,"
                    + " players) VALUES (:account, :board, :period, :s, :r, :p, :players)"),
            scope,
            lo)
        .bind("players", players)
        .execute();
  }

  private static void setPlayers(Handle handle, Scope scope, RankKey lo, long players) {
    bind(
            handle.createUpdate(
                "UPDATE rm_board_blocks SET players = :players"
                    + WHERE
                    + " AND lo_score = :s AND lo_seq = :r AND lo_player = :p"),
            scope,
            lo)
        .bind("players", players)
        .execute();
  }

  private static <T extends SqlStatement<T>> T bind(T statement, Scope scope) {
    return statement
        .bind("account", scope.account())
        .bind("board", scope.board())
        .bind("period", scope.period());
  }

  private static <T extends SqlStatement<T>> T bind(T statement, Scope scope, RankKey key) {
    return bind(statement, scope)
        .bind("s", key.rankScore())
        .bind("r", key.reachedSeq())
        .bind("p", key.player());
  }
}
