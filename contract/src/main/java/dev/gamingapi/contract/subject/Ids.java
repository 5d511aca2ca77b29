package dev.gamingapi.contract.subject;

import java.util.function.IntPredicate;

/**
 * Validation of the ids that become NATS subject tokens. A server or player id is a single token of
 * 1 to 64 characters from {@code [A-Za-z0-9_-]}, so it can never add, remove or wildcard a subject
 * level.
 */
public final class Ids {
  /** The rule, as shown in error messages. */
  public static final String ID_RULE = "must be 1 to 64 characters from A-Z a-z 0-9 _ -";

  // Read by hand rather than with a regular expression: every event read checks two ids.
  private static final IntPredicate ID =
      c ->
          c >= 'a' && c <= 'z'
              || c >= 'A' && c <= 'Z'
              || c >= '0' && c <= '9'
              || c == '_'
              || c == '-';
  private static final IntPredicate NAME =
      c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
  private static final String NAME_RULE = "must be 1 to 64 characters from a-z 0-9 _";

  private Ids() {}

  /** Returns {@code serverId} or throws {@link InvalidIdException} naming it and the rule. */
  public static String server(String serverId) {
    return check("server id", serverId, ID, ID_RULE);
  }

  /** Returns {@code playerId} or throws {@link InvalidIdException} naming it and the rule. */
  public static String player(String playerId) {
    return check("player id", playerId, ID, ID_RULE);
  }

  /** Returns a command or custom-event name, or throws naming it and the rule. */
  public static String name(String kind, String name) {
    return check(kind, name, NAME, NAME_RULE);
  }

  /** Whether {@code id} is a valid server or player id. */
  public static boolean isValid(String id) {
    return matches(id, ID);
  }

  private static boolean matches(String value, IntPredicate allowed) {
    if (value == null || value.isEmpty() || value.length() > 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!allowed.test(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String check(String kind, String value, IntPredicate allowed, String rule) {
    if (!matches(value, allowed)) {
      throw new InvalidIdException(kind, String.valueOf(value), rule);
    }
    return value;
  }
}
