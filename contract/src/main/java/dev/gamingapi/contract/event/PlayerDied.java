package dev.gamingapi.contract.event;

/**
 * Type {@code player.died}: the player died; {@code killer_id} is absent for a death without a
 * killer.
 */
public record PlayerDied(String playerId, String killerId, String cause)
    implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerDied {
    Require.player("player_id", playerId);
    Require.optionalPlayer("killer_id", killerId);
  }
}
