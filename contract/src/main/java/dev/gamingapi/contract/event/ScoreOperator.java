package dev.gamingapi.contract.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a {@link PlayerScored} value applies to the player's stat. */
public enum ScoreOperator {
  /** Keep the higher of the current and the new value (a best lap, a high score). */
  BEST,
  /** Replace the stat with the value. */
  SET,
  /** Add the value to the stat. */
  INCR,
  /** Subtract the value from the stat. */
  DECR;

  /** The lower-case name used on the wire. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws {@link InvalidEventException} naming the allowed ones. */
  @JsonCreator
  public static ScoreOperator fromWire(String name) {
    for (ScoreOperator operator : values()) {
      if (operator.wireName().equals(name)) {
        return operator;
      }
    }
    throw new InvalidEventException(
        "'operator' is '" + name + "': must be one of best, set, incr, decr");
  }
}
