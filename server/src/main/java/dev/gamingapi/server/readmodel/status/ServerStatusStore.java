package dev.gamingapi.server.readmodel.status;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The server-status model's SQL: one row per game server that sent an event, updated by every event
 * of that server in log order. Times are the events' own; {@code last_event_at} only moves forward,
 * so an event with an older timestamp never makes a server look older.
 */
public final class ServerStatusStore {
  private static final String UPSERT =
      """
      INSERT INTO rm_servers (account, server, state, game, map, version, max_players,
        started_at, stopped_at, last_event_at, last_event_type)
      VALUES (:account, :server, :state, :game, :map, :version, :maxPlayers,
        :startedAt, :stoppedAt, :at, :type)
      ON CONFLICT (account, server) DO UPDATE SET
        state = COALESCE(:newState, rm_servers.state),
        game = COALESCE(excluded.game, rm_servers.game),
        map = COALESCE(excluded.map, rm_servers.map),
        version = COALESCE(excluded.version, rm_servers.version),
        max_players = COALESCE(excluded.max_players, rm_servers.max_players),
        started_at = COALESCE(excluded.started_at, rm_servers.started_at),
        stopped_at = CASE WHEN :clearStopped THEN NULL
          ELSE COALESCE(excluded.stopped_at, rm_servers.stopped_at) END,
        last_event_at = CASE WHEN excluded.last_event_at > rm_servers.last_event_at
          THEN excluded.last_event_at ELSE rm_servers.last_event_at END,
        last_event_type = excluded.last_event_type
      """;

  /** The stored row of {@code server}, if it ever sent an event. */
  public Optional<ServerRow> find(Handle handle, String account, String server) {
    return handle
        .createQuery(
            "SELECT server, state, game, map, version, max_players, started_at, stopped_at,"
                + " last_event_at, last_event_type FROM rm_servers"
                + " WHERE account = :account AND server = :server")
        .bind("account", account)
        .bind("server", server)
        .map(
            (rs, ctx) ->
                new ServerRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6) == null ? null : rs.getInt(6),
                    nullableLong(rs, 7),
                    nullableLong(rs, 8),
                    rs.getLong(9),
                    rs.getString(10)))
        .findOne();
  }

  // getObject(i, Long.class) fails on SQLite's NULL; getLong answers 0 for it.
  private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** Folds {@code event} into its server's row. */
  public void apply(Handle handle, String account, Event event) {
    long at = event.time().toEpochMilli();
    String newState = null; // unchanged
    String game = null;
    String map = null;
    String version = null;
    Integer maxPlayers = null;
    Long startedAt = null;
    Long stoppedAt = null;
    boolean clearStopped = false;
    switch (event.data()) {
      case ServerStarted started -> {
        newState = ServerRow.ONLINE;
        game = started.game();
        map = started.map();
        version = started.version();
        maxPlayers = started.maxPlayers();
        startedAt = at;
        clearStopped = true;
      }
      case ServerStopped stopped -> {
        newState = ServerRow.STOPPED;
        stoppedAt = at;
      }
      case ServerHeartbeat heartbeat -> {
        newState = ServerRow.ONLINE;
        map = heartbeat.map();
        maxPlayers = heartbeat.maxPlayers();
        clearStopped = true;
      }
      default -> {}
    }
    handle
        .createUpdate(UPSERT)
        .bind("account", account)
        .bind("server", event.serverId())
        .bind("state", newState == null ? ServerRow.ONLINE : newState)
        .bind("newState", newState)
        .bind("game", game)
        .bind("map", map)
        .bind("version", version)
        .bind("maxPlayers", maxPlayers)
        .bind("startedAt", startedAt)
        .bind("stoppedAt", stoppedAt)
        .bind("clearStopped", clearStopped)
        .bind("at", at)
        .bind("type", event.type())
        .execute();
  }
}
