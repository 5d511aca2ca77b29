package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.server.store.BatchSql;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Leaderboard definitions and the scores' SQL. Definitions are cached per tenant (every event looks
 * at them); a new or changed definition clears the cache and is marked for backfill, which the
 * tenant's consumer does from the log before it applies new events.
 */
public final class BoardStore {
  /**
   * Scores kept in memory for all the tenants of this instance (about 150 bytes each): a tenant's
   * cache, made when its consumer starts, gets an equal share of it among the tenants running then,
   * and at least {@link #MIN_CACHED_SCORES}.
   */
  static final int CACHED_SCORES = 500_000;

  static final int MIN_CACHED_SCORES = 2_000;

  private final Map<String, List<Board>> cache = new ConcurrentHashMap<>();
  private final Map<String, EntryCache> scores = new ConcurrentHashMap<>();
  private final RankBlocks blocks;

  /** A store whose rank blocks split at {@link RankBlocks#DEFAULT_MAX_PLAYERS}. */
  public BoardStore() {
    this(RankBlocks.DEFAULT_MAX_PLAYERS);
  }

  /** A store whose rank blocks split beyond {@code maxBlockPlayers} (small in tests). */
  public BoardStore(int maxBlockPlayers) {
    this.blocks = new RankBlocks(maxBlockPlayers);
  }

  /**
   * Saves {@code board}; answers whether its rules changed (its scores then go, and it is marked
   * for a backfill from the log).
   */
  public boolean define(Jdbi jdbi, String account, Board board) {
    return jdbi.inTransaction(handle -> define(handle, account, board));
  }

  /** {@link #define(Jdbi, String, Board)} in {@code handle}'s transaction. */
  public boolean define(Handle handle, String account, Board board) {
    forget(account, board.name());
    Optional<Board> old = find(handle, account, board.name());
    if (old.isPresent() && old.get().sameRules(board)) {
      return false;
    }
    // New rules: the old scores go, and the tenant's consumer backfills the board from the log
    // before it applies anything new (Backfill).
    deleteScores(handle, account, board.name());
    handle
        .createUpdate("DELETE FROM rm_boards WHERE account = :account AND name = :name")
        .bind("account", account)
        .bind("name", board.name())
        .execute();
    handle
        .createUpdate(
            "INSERT INTO rm_boards (account, name, stat, operator, sort_order, server, reset, cron,"
                + " time_zone, created_at, backfill_pending) VALUES (:account, :name, :stat,"
                + " :operator, :order, :server, :reset, :cron, :zone, :at, 1)")
        .bind("account", account)
        .bind("name", board.name())
        .bind("stat", board.stat())
        .bind("operator", board.operator())
        .bind("order", board.order())
        .bind("server", board.server())
        .bind("reset", board.reset())
        .bind("cron", board.cron())
        .bind("zone", board.timeZone())
        .bind("at", board.createdAt().toEpochMilli())
        .execute();
    return true;
  }

  /** The definition of {@code name}. */
  public Optional<Board> find(Handle handle, String account, String name) {
    return load(handle, account).stream().filter(b -> b.name().equals(name)).findFirst();
  }

  // The fold's view: cached, because every event looks at the boards; the tenant's owner clears it
  // when definitions change (here, or on another instance through a restart of the tenant).
  private List<Board> boards(Handle handle, String account) {
    return cache.computeIfAbsent(account, a -> load(handle, a));
  }

  // Straight from the table: what REST reads and definitions compare against, on any instance.
  private static List<Board> load(Handle handle, String a) {
    return handle
        .createQuery(
            "SELECT name, stat, operator, sort_order, server, reset, cron, time_zone,"
                + " created_at FROM rm_boards WHERE account = :account ORDER BY name")
        .bind("account", a)
        .map(
            (rs, ctx) ->
                new Board(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    Instant.ofEpochMilli(rs.getLong(9))))
        .list();
  }

  /**
   * Forgets the cached definitions and scores of {@code account} (a rebuild, a deleted tenant, a
   * stopped consumer, a batch that failed).
   */
  public void forget(String account) {
    cache.remove(account);
    scores.remove(account);
  }

  // Forgets the cached definitions of account and the scores of its board name only: the board is
  // defined again, deleted or backfilled, and nothing else changes.
  private void forget(String account, String name) {
    cache.remove(account);
    EntryCache known = scores.get(account);
    if (known != null) {
      known.removeBoard(name);
    }
  }

  /** The scores of one batch of {@code account}: those its {@code events} count on. */
  public BoardBatch batch(BatchSql sql, Handle handle, String account, Collection<Event> events) {
    return BoardBatch.load(
        sql,
        account,
        boards(handle, account),
        blocks,
        events,
        scores.computeIfAbsent(
            account,
            a ->
                new EntryCache(
                    Math.max(MIN_CACHED_SCORES, CACHED_SCORES / Math.max(1, scores.size())))));
  }

  /** Every board of {@code account}, by name. */
  public List<Board> all(Handle handle, String account) {
    return load(handle, account);
  }

  /**
   * Deletes board {@code name} with its scores of every period, in {@code handle}'s transaction;
   * answers whether it existed.
   */
  public boolean delete(Handle handle, String account, String name) {
    deleteScores(handle, account, name);
    boolean existed =
        handle
                .createUpdate("DELETE FROM rm_boards WHERE account = :account AND name = :name")
                .bind("account", account)
                .bind("name", name)
                .execute()
            == 1;
    forget(account, name);
    return existed;
  }

  // Every score of board name, in every period, with its rank index.
  private static void deleteScores(Handle handle, String account, String name) {
    for (String table : List.of("rm_board_entries", "rm_board_blocks")) {
      handle
          .createUpdate("DELETE FROM " + table + " WHERE account = :account AND board = :name")
          .bind("account", account)
          .bind("name", name)
          .execute();
    }
  }

  /** The boards of {@code account} defined since its consumer last ran: to backfill. */
  public List<Board> pendingBackfill(Handle handle, String account) {
    List<String> names =
        handle
            .createQuery(
                "SELECT name FROM rm_boards WHERE account = :account AND backfill_pending = 1")
            .bind("account", account)
            .mapTo(String.class)
            .list();
    return load(handle, account).stream().filter(board -> names.contains(board.name())).toList();
  }

  /** Scores of {@code boards} of {@code account} from nothing, for a backfill. */
  public BoardBatch fresh(String account, List<Board> boards) {
    return BoardBatch.fresh(account, boards, blocks);
  }

  /**
   * Writes a backfill: the scores of {@code batch} (replacing any the boards have), their rank
   * index, and the boards marked as backfilled; in {@code handle}'s transaction.
   */
  public void writeBackfill(Handle handle, String account, List<Board> boards, BoardBatch batch) {
    for (Board board : boards) {
      deleteScores(handle, account, board.name());
    }
    batch.writeScoresOnly(handle);
    for (Board board : boards) {
      rebuildBlocks(handle, account, board.name());
      handle
          .createUpdate(
              "UPDATE rm_boards SET backfill_pending = 0 WHERE account = :account AND name = :name")
          .bind("account", account)
          .bind("name", board.name())
          .execute();
    }
    boards.forEach(board -> forget(account, board.name()));
  }

  /**
   * Rebuilds the rank index of every period of board {@code name} from its scores, in one
   * transaction: after scores were loaded in bulk (the benchmark's million players), or to repair.
   */
  public void reindex(Jdbi jdbi, String account, String name) {
    forget(account);
    jdbi.useTransaction(handle -> rebuildBlocks(handle, account, name));
  }

  private void rebuildBlocks(Handle handle, String account, String name) {
    List<String> periods =
        handle
            .createQuery(
                "SELECT DISTINCT period FROM rm_board_entries WHERE account = :account"
                    + " AND board = :board")
            .bind("account", account)
            .bind("board", name)
            .mapTo(String.class)
            .list();
    for (String period : periods) {
      blocks.rebuild(handle, new RankBlocks.Scope(account, name, period));
    }
  }

  /** Removes {@code player} from every board and period of {@code account}. */
  public void erase(Handle handle, String account, String player) {
    forget(account);
    record Entry(RankBlocks.Scope scope, RankKey key) {}
    List<Entry> entries =
        handle
            .createQuery(
                "SELECT board, period, rank_score, reached_seq FROM rm_board_entries"
                    + " WHERE account = :account AND player = :player")
            .bind("account", account)
            .bind("player", player)
            .map(
                (rs, ctx) ->
                    new Entry(
                        new RankBlocks.Scope(account, rs.getString(1), rs.getString(2)),
                        new RankKey(rs.getDouble(3), rs.getLong(4), player)))
            .list();
    Map<RankBlocks.Scope, BlockMap> maps = new HashMap<>();
    for (Entry entry : entries) {
      maps.computeIfAbsent(entry.scope(), scope -> new BlockMap(RankBlocks.load(handle, scope)))
          .remove(entry.key());
    }
    maps.forEach((scope, map) -> blocks.write(handle, scope, map.changes()));
    handle
        .createUpdate("DELETE FROM rm_board_entries WHERE account = :account AND player = :player")
        .bind("account", account)
        .bind("player", player)
        .execute();
  }
}
