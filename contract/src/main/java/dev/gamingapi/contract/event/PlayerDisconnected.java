package dev.gamingapi.contract.event;

/** Type {@code player.disconnected}: a player left; {@code reason} is optional. */
public record PlayerDisconnected(String playerId, String reason) implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerDisconnected {
    Require.player("player_id", playerId);
  }
}
