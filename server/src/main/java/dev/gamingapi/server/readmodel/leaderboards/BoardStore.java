package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Leaderboard definitions and the scores' SQL. Definitions are cached per tenant (every event looks
 * at them); a change of definition clears the cache and rebuilds the tenant's models, which is how
 * a new board is backfilled from the log.
 */
public final class BoardStore {
  private final Map<String, List<Board>> cache = new ConcurrentHashMap<>();
  private final RankBlocks blocks;

  /** A store whose rank blocks split at {@link RankBlocks#DEFAULT_MAX_PLAYERS}. */
  public BoardStore() {
    this(RankBlocks.DEFAULT_MAX_PLAYERS);
  }

  /** A store whose rank blocks split beyond {@code maxBlockPlayers} (small in tests). */
  public BoardStore(int maxBlockPlayers) {
    this.blocks = new RankBlocks(maxBlockPlayers);
  }

  /** Saves {@code board}; answers whether its rules changed (so that a rebuild is due). */
  public boolean define(Jdbi jdbi, String account, Board board) {
    boolean changed =
        jdbi.inTransaction(
            handle -> {
              Optional<Board> old = find(handle, account, board.name());
              if (old.isPresent() && old.get().sameRules(board)) {
                return false;
              }
              handle
                  .createUpdate("DELETE FROM rm_boards WHERE account = :account AND name = :name")
                  .bind("account", account)
                  .bind("name", board.name())
                  .execute();
              handle
                  .createUpdate(
                      "INSERT INTO rm_boards (account, name, stat, operator, sort_order, server,"
                          + " reset, cron, time_zone, created_at) VALUES (:account, :name, :stat,"
                          + " :operator, :order, :server, :reset, :cron, :zone, :at)")
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
            });
    cache.remove(account);
    return changed;
  }

  /** The definition of {@code name}. */
  public Optional<Board> find(Handle handle, String account, String name) {
    return boards(handle, account).stream().filter(b -> b.name().equals(name)).findFirst();
  }

  private List<Board> boards(Handle handle, String account) {
    return cache.computeIfAbsent(
        account,
        a ->
            handle
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
                .list());
  }

  /** Forgets the cached definitions of {@code account} (a rebuild, a deleted tenant). */
  public void forget(String account) {
    cache.remove(account);
  }

  /** Adds player event {@code event} (stream sequence {@code seq}) to every board it counts on. */
  public void apply(Handle handle, String account, Event event, long seq) {
    List<Board> boards = boards(handle, account);
    if (boards.isEmpty()) {
      return;
    }
    for (Board board : boards) {
      if (board.server() != null && !board.server().equals(event.serverId())) {
        continue;
      }
      Double value =
          switch (event.data()) {
            case PlayerKilled killed when board.stat().equals("kills") -> 1.0;
            case PlayerDied died when board.stat().equals("deaths") -> 1.0;
            case PlayerScored scored when board.stat().equals("scored." + scored.stat()) ->
                scored.value();
            default -> null;
          };
      if (value != null) {
        score(handle, account, board, board.period(event.time()), event.playerId(), value, seq);
      }
    }
  }

  /**
   * Adds a closed session to the play-time boards, split at their period boundaries (a session
   * across midnight counts on both days).
   */
  public void session(
      Handle handle, String account, String server, String player, long start, long end, long seq) {
    for (Board board : boards(handle, account)) {
      if (!board.stat().equals("play_time")
          || board.server() != null && !board.server().equals(server)
          || end <= start) {
        continue;
      }
      long from = start;
      while (from < end) {
        Instant boundary = Periods.next(board, Instant.ofEpochMilli(from));
        long to = boundary == null ? end : Math.min(end, boundary.toEpochMilli());
        String period = board.period(Instant.ofEpochMilli(from));
        score(handle, account, board, period, player, (to - from) / 1000.0, seq);
        from = to;
      }
    }
  }

  /** Every board of {@code account}, by name. */
  public List<Board> all(Handle handle, String account) {
    return boards(handle, account);
  }

  /** Deletes board {@code name} with its scores of every period; answers whether it existed. */
  public boolean delete(Jdbi jdbi, String account, String name) {
    boolean existed =
        jdbi.inTransaction(
            handle -> {
              for (String table : List.of("rm_board_entries", "rm_board_blocks")) {
                handle
                    .createUpdate(
                        "DELETE FROM " + table + " WHERE account = :account AND board = :name")
                    .bind("account", account)
                    .bind("name", name)
                    .execute();
              }
              return handle
                      .createUpdate(
                          "DELETE FROM rm_boards WHERE account = :account AND name = :name")
                      .bind("account", account)
                      .bind("name", name)
                      .execute()
                  == 1;
            });
    cache.remove(account);
    return existed;
  }

  /**
   * Rebuilds the rank index of every period of board {@code name} from its scores, in one
   * transaction: after scores were loaded in bulk (the benchmark's million players), or to repair.
   */
  public void reindex(Jdbi jdbi, String account, String name) {
    jdbi.useTransaction(
        handle -> {
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
        });
  }

  /** Removes {@code player} from every board and period of {@code account}. */
  public void erase(Handle handle, String account, String player) {
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
    for (Entry entry : entries) {
      blocks.remove(handle, entry.scope(), entry.key());
    }
    handle
        .createUpdate("DELETE FROM rm_board_entries WHERE account = :account AND player = :player")
        .bind("account", account)
        .bind("player", player)
        .execute();
  }

  // The score after one more value, as the board's operator combines them.
  private static double combine(Board board, double current, double value) {
    return switch (board.operator()) {
      case "best" ->
          board.order().equals("asc") ? Math.min(current, value) : Math.max(current, value);
      case "set" -> value;
      case "decr" -> current - value;
      default -> current + value; // incr
    };
  }

  private void score(
      Handle handle,
      String account,
      Board board,
      String period,
      String player,
      double value,
      long seq) {
    RankBlocks.Scope scope = new RankBlocks.Scope(account, board.name(), period);
    Optional<double[]> old =
        handle
            .createQuery(
                "SELECT score, reached_seq FROM rm_board_entries WHERE account = :account"
                    + " AND board = :board AND period = :period AND player = :player")
            .bind("account", account)
            .bind("board", board.name())
            .bind("period", period)
            .bind("player", player)
            .map((rs, ctx) -> new double[] {rs.getDouble(1), rs.getLong(2)})
            .findOne();
    if (old.isEmpty()) {
      double score = board.operator().equals("decr") ? 0.0 - value : value;
      RankKey key = RankKey.of(board, score, seq, player);
      handle
          .createUpdate(
              "INSERT INTO rm_board_entries (account, board, period, player, score, rank_score,"
                  + " reached_seq) VALUES (:account, :board, :period, :player, :score, :rank,"
                  + " :seq)")
          .bind("account", account)
          .bind("board", board.name())
          .bind("period", period)
          .bind("player", player)
          .bind("score", score)
          .bind("rank", key.rankScore())
          .bind("seq", seq)
          .execute();
      blocks.add(handle, scope, key);
      return;
    }
    double before = old.get()[0];
    double score = combine(board, before, value);
    if (score == before) {
      return; // the same score: who reached it first keeps their place
    }
    long reached = (long) old.get()[1];
    RankKey from = RankKey.of(board, before, reached, player);
    RankKey to = RankKey.of(board, score, seq, player);
    handle
        .createUpdate(
            "UPDATE rm_board_entries SET score = :score, rank_score = :rank, reached_seq = :seq"
                + " WHERE account = :account AND board = :board AND period = :period"
                + " AND player = :player")
        .bind("account", account)
        .bind("board", board.name())
        .bind("period", period)
        .bind("player", player)
        .bind("score", score)
        .bind("rank", to.rankScore())
        .bind("seq", seq)
        .execute();
    blocks.move(handle, scope, from, to);
  }
}
