package dev.gamingapi.contract.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Type {@code server.heartbeat}: the server is alive; sent periodically (every 30 s is typical).
 */
public record ServerHeartbeat(
    @JsonProperty(required = true) int playersOnline,
    Integer maxPlayers,
    String map,
    Double tickRate)
    implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public ServerHeartbeat {
    Require.notNegative("players_online", playersOnline);
    Require.notNegative("max_players", maxPlayers);
  }
}
