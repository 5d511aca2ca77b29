package dev.gamingapi.contract.event;

/**
 * Type {@code server.started}: the game server is up and accepting players. Every field is
 * optional.
 */
public record ServerStarted(String game, String map, String version, Integer maxPlayers)
    implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public ServerStarted {
    Require.notNegative("max_players", maxPlayers);
  }
}
