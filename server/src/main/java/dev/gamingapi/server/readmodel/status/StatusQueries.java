package dev.gamingapi.server.readmodel.status;

import dev.gamingapi.server.store.BatchSql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Reads server status; unresponsive is decided here, against the wall clock. */
public final class StatusQueries {
  private static final int MAX_LISTED_PLAYERS = 1000;

  private final Jdbi jdbi;
  private final Duration unresponsiveAfter;

  /** Queries over {@code jdbi}, a server silent for {@code unresponsiveAfter} is unresponsive. */
  public StatusQueries(Jdbi jdbi, Duration unresponsiveAfter) {
    this.jdbi = jdbi;
    this.unresponsiveAfter = unresponsiveAfter;
  }

  /** The status of {@code server} ({@code offline} when it never sent an event). */
  public ServerStatus status(String account, String server, Instant now) {
    return jdbi.withHandle(
        handle -> {
          Optional<ServerRow> found =
              ServerStatusStore.load(new BatchSql(handle), account, List.of(server)).find(server);
          if (found.isEmpty()) {
            return new ServerStatus(
                server, "offline", null, null, null, null, 0, List.of(), null, null, null, null,
                null);
          }
          ServerRow row = found.get();
          Instant last = Instant.ofEpochMilli(row.lastEventAt());
          String state = row.state();
          if (ServerRow.ONLINE.equals(state) && last.plus(unresponsiveAfter).isBefore(now)) {
            state = "unresponsive";
          }
          boolean online = "online".equals(state);
          List<String> players =
              online
                  ? handle
                      .createQuery(
                          "SELECT player FROM rm_sessions WHERE account = :account"
                              + " AND server = :server ORDER BY player LIMIT :max")
                      .bind("account", account)
                      .bind("server", server)
                      .bind("max", MAX_LISTED_PLAYERS)
                      .mapTo(String.class)
                      .list()
                  : List.of();
          int count =
              online
                  ? handle
                      .createQuery(
                          "SELECT COUNT(*) FROM rm_sessions WHERE account = :account"
                              + " AND server = :server")
                      .bind("account", account)
                      .bind("server", server)
                      .mapTo(Integer.class)
                      .one()
                  : 0;
          Instant started = row.startedAt() == null ? null : Instant.ofEpochMilli(row.startedAt());
          Long uptime =
              online && started != null
                  ? Math.max(0, Duration.between(started, now).toSeconds())
                  : null;
          return new ServerStatus(
              server,
              state,
              row.game(),
              row.map(),
              row.version(),
              row.maxPlayers(),
              count,
              players,
              started,
              row.stoppedAt() == null ? null : Instant.ofEpochMilli(row.stoppedAt()),
              uptime,
              last,
              row.lastEventType());
        });
  }
}
