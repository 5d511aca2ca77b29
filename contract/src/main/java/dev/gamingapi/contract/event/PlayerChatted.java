package dev.gamingapi.contract.event;

/** Type {@code player.chatted}: a chat message; {@code channel} is e.g. global, team. */
public record PlayerChatted(String playerId, String name, String message, String channel)
    implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerChatted {
    Require.player("player_id", playerId);
    Require.present("message", message);
  }
}
