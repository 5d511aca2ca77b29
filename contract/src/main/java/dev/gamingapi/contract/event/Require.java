package dev.gamingapi.contract.event;

import dev.gamingapi.contract.subject.Ids;

/** Checks shared by the event records' constructors; each failure names the field. */
final class Require {
  private Require() {}

  static <T> T present(String field, T value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      throw new InvalidEventException("'" + field + "' is required");
    }
    return value;
  }

  static String player(String field, String playerId) {
    present(field, playerId);
    if (!Ids.isValid(playerId)) {
      throw new InvalidEventException(
          "'" + field + "' is '" + playerId + "': a player id " + Ids.ID_RULE);
    }
    return playerId;
  }

  static String optionalPlayer(String field, String playerId) {
    return playerId == null ? null : player(field, playerId);
  }

  static <N extends Number> N notNegative(String field, N value) {
    if (value != null && value.doubleValue() < 0) {
      throw new InvalidEventException("'" + field + "' must not be negative, got " + value);
    }
    return value;
  }
}
