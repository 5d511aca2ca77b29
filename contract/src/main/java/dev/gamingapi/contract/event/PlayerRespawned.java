package dev.gamingapi.contract.event;

/** Type {@code player.respawned}: the player came back to life, optionally at a position. */
public record PlayerRespawned(String playerId, Position position) implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerRespawned {
    Require.player("player_id", playerId);
  }
}
