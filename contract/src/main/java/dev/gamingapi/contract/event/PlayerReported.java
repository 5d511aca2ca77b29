package dev.gamingapi.contract.event;

/** Type {@code player.reported}: {@code reporter_id} reported the player ({@code player_id}). */
public record PlayerReported(String playerId, String reporterId, String reason, String message)
    implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerReported {
    Require.player("player_id", playerId);
    Require.player("reporter_id", reporterId);
  }
}
