package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import java.time.Instant;
import java.time.ZoneId;
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
  private static final String SCORE =
      """
      INSERT INTO rm_board_scores (account, board, period, player, score, reached_seq)
      VALUES (:account, :board, :period, :player, :initial, :seq)
      ON CONFLICT (account, board, period, player) DO UPDATE SET
        score = %1$s,
        reached_seq = CASE WHEN %1$s <> rm_board_scores.score THEN excluded.reached_seq
          ELSE rm_board_scores.reached_seq END
      """;

  private final Map<String, List<Board>> cache = new ConcurrentHashMap<>();

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
                          + " reset, time_zone, created_at) VALUES (:account, :name, :stat,"
                          + " :operator, :order, :server, :reset, :zone, :at)")
                  .bind("account", account)
                  .bind("name", board.name())
                  .bind("stat", board.stat())
                  .bind("operator", board.operator())
                  .bind("order", board.order())
                  .bind("server", board.server())
                  .bind("reset", board.reset())
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
                    "SELECT name, stat, operator, sort_order, server, reset, time_zone, created_at"
                        + " FROM rm_boards WHERE account = :account ORDER BY name")
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
                            Instant.ofEpochMilli(rs.getLong(8))))
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
      ZoneId zone = ZoneId.of(board.timeZone());
      long from = start;
      while (from < end) {
        Instant boundary = Periods.next(board.reset(), zone, Instant.ofEpochMilli(from));
        long to = boundary == null ? end : Math.min(end, boundary.toEpochMilli());
        String period = board.period(Instant.ofEpochMilli(from));
        score(handle, account, board, period, player, (to - from) / 1000.0, seq);
        from = to;
      }
    }
  }

  private static void score(
      Handle handle,
      String account,
      Board board,
      String period,
      String player,
      double value,
      long seq) {
    String current = "rm_board_scores.score";
    String expression =
        switch (board.operator()) {
          case "best" ->
              board.order().equals("asc")
                  ? "CASE WHEN excluded.score < "
                      + current
                      + " THEN excluded.score ELSE "
                      + current
                      + " END"
                  : "CASE WHEN excluded.score > "
                      + current
                      + " THEN excluded.score ELSE "
                      + current
                      + " END";
          case "set" -> "excluded.score";
          default -> current + " + excluded.score"; // incr, and decr with a negated value
        };
    handle
        .createUpdate(SCORE.formatted(expression))
        .bind("account", account)
        .bind("board", board.name())
        .bind("period", period)
        .bind("player", player)
        .bind("initial", board.operator().equals("decr") ? 0.0 - value : value)
        .bind("seq", seq)
        .execute();
  }
}
