package dev.gamingapi.contract.event;

/**
 * Type {@code player.banned}: the player was banned; no {@code duration_seconds} means permanent.
 */
public record PlayerBanned(String playerId, String reason, Long durationSeconds, String by)
    implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerBanned {
    Require.player("player_id", playerId);
    Require.notNegative("duration_seconds", durationSeconds);
  }
}
