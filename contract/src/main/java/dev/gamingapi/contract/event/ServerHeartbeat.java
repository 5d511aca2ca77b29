package dev.gamingapi.contract.event;

/**
 * Type {@code server.heartbeat}: the server is alive; sent periodically (every 30 s is typical).
 */
public record ServerHeartbeat(int playersOnline, Integer maxPlayers, String map, Double tickRate)
    implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public ServerHeartbeat {
    Require.notNegative("players_online", playersOnline);
    Require.notNegative("max_players", maxPlayers);
  }
}
