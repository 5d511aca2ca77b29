package dev.gamingapi.server.readmodel.status;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import dev.gamingapi.server.store.BatchSql;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server-status model of one batch: the rows of the batch's servers, loaded at once, changed in
 * memory event by event in log order, and written back at once ({@link #flush}). Times are the
 * events' own; {@code last_event_at} only moves forward, so an event with an older timestamp never
 * makes a server look older.
 */
public final class ServerStatusStore {
  private final String account;
  private final Map<String, ServerRow> rows = new HashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();

  private ServerStatusStore(String account) {
    this.account = account;
  }

  /** No server known yet: a replay of the log from its start (a board's backfill). */
  public static ServerStatusStore empty(String account) {
    return new ServerStatusStore(account);
  }

  /** The rows of {@code servers} of {@code account}, for one batch. */
  public static ServerStatusStore load(BatchSql sql, String account, Collection<String> servers) {
    ServerStatusStore store = new ServerStatusStore(account);
    sql.in(
            "SELECT server, state, game, map, version, max_players, started_at, stopped_at,"
                + " last_event_at, last_event_type FROM rm_servers WHERE account = ?"
                + " AND server IN (%s)",
            List.of(account),
            servers,
            rs ->
                new ServerRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    BatchSql.getInt(rs, 6),
                    BatchSql.getLong(rs, 7),
                    BatchSql.getLong(rs, 8),
                    rs.getLong(9),
                    rs.getString(10)))
        .forEach(row -> store.rows.put(row.server(), row));
    return store;
  }

  /** The row of {@code server} as the batch left it so far, if it ever sent an event. */
  public Optional<ServerRow> find(String server) {
    return Optional.ofNullable(rows.get(server));
  }

  /** Folds {@code event} into its server's row. */
  public void apply(Event event) {
    long at = event.time().toEpochMilli();
    ServerRow old = rows.get(event.serverId());
    String state = old == null ? ServerRow.ONLINE : old.state();
    String game = old == null ? null : old.game();
    String map = old == null ? null : old.map();
    String version = old == null ? null : old.version();
    Integer maxPlayers = old == null ? null : old.maxPlayers();
    Long startedAt = old == null ? null : old.startedAt();
    Long stoppedAt = old == null ? null : old.stoppedAt();
    switch (event.data()) {
      case ServerStarted started -> {
        state = ServerRow.ONLINE;
        game = orElse(started.game(), game);
        map = orElse(started.map(), map);
        version = orElse(started.version(), version);
        maxPlayers = orElse(started.maxPlayers(), maxPlayers);
        startedAt = at;
        stoppedAt = null;
      }
      case ServerStopped stopped -> {
        state = ServerRow.STOPPED;
        stoppedAt = at;
      }
      case ServerHeartbeat heartbeat -> {
        state = ServerRow.ONLINE;
        map = orElse(heartbeat.map(), map);
        maxPlayers = orElse(heartbeat.maxPlayers(), maxPlayers);
        stoppedAt = null;
      }
      default -> {}
    }
    long lastEventAt = old == null ? at : Math.max(old.lastEventAt(), at);
    rows.put(
        event.serverId(),
        new ServerRow(
            event.serverId(),
            state,
            game,
            map,
            version,
            maxPlayers,
            startedAt,
            stoppedAt,
            lastEventAt,
            event.type()));
    changed.add(event.serverId());
  }

  private static <T> T orElse(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /** Writes the changed rows. */
  public void flush(BatchSql sql) {
    sql.batch(
        "INSERT INTO rm_servers (account, server, state, game, map, version, max_players,"
            + " started_at, stopped_at, last_event_at, last_event_type)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (account, server) DO UPDATE SET state = excluded.state,"
            + " game = excluded.game, map = excluded.map, version = excluded.version,"
            + " max_players = excluded.max_players, started_at = excluded.started_at,"
            + " stopped_at = excluded.stopped_at, last_event_at = excluded.last_event_at,"
            + " last_event_type = excluded.last_event_type",
        changed.stream().map(rows::get).toList(),
        (statement, row) -> {
          statement.setString(1, account);
          statement.setString(2, row.server());
          statement.setString(3, row.state());
          BatchSql.setString(statement, 4, row.game());
          BatchSql.setString(statement, 5, row.map());
          BatchSql.setString(statement, 6, row.version());
          BatchSql.setInt(statement, 7, row.maxPlayers());
          BatchSql.setLong(statement, 8, row.startedAt());
          BatchSql.setLong(statement, 9, row.stoppedAt());
          statement.setLong(10, row.lastEventAt());
          statement.setString(11, row.lastEventType());
        });
  }
}
