package dev.gamingapi.contract.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Type {@code player.scored}: a game stat changed; {@code operator} says how {@code value} applies
 * to it. A body without {@code value} is refused rather than read as 0.
 */
public record PlayerScored(
    String playerId,
    String stat,
    @JsonProperty(required = true) double value,
    ScoreOperator operator)
    implements PlayerEventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public PlayerScored {
    Require.player("player_id", playerId);
    Require.present("stat", stat);
    Require.present("operator", operator);
    if (!stat.matches("[a-z0-9_]{1,64}")) {
      throw new InvalidEventException(
          "'stat' is '" + stat + "': must be 1 to 64 characters from a-z 0-9 _");
    }
    if (!Double.isFinite(value)) {
      throw new InvalidEventException("'value' must be a finite number, got " + value);
    }
  }
}
