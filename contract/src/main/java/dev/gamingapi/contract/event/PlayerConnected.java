package dev.gamingapi.contract.event;

/** Type {@code player.connected}: a player joined the server. */
public record PlayerConnected(String playerId, String name, String address)
    implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerConnected {
    Require.player("player_id", playerId);
    Require.present("name", name);
  }
}
