package dev.gamingapi.contract.event;

/** Type {@code player.killed}: the player ({@code player_id}) killed {@code victim_id}. */
public record PlayerKilled(
    String playerId, String victimId, String weapon, Double distance, Boolean headshot)
    implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerKilled {
    Require.player("player_id", playerId);
    Require.player("victim_id", victimId);
    Require.notNegative("distance", distance);
  }
}
