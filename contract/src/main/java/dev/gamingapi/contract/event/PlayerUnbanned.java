package dev.gamingapi.contract.event;

/** Type {@code player.unbanned}: a ban was lifted. */
public record PlayerUnbanned(String playerId, String by) implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerUnbanned {
    Require.player("player_id", playerId);
  }
}
