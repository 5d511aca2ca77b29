package dev.gamingapi.server.common;

import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.contract.subject.InvalidIdException;
import java.util.regex.Pattern;

/** The rules for names and ids given in requests. */
public final class Names {
  static final String NAME_RULE = "[a-z0-9][a-z0-9_-]{0,62}";
  private static final Pattern NAME = Pattern.compile(NAME_RULE);

  private Names() {}

  /** {@code value} if it is a valid account or user name, for field {@code field}. */
  public static String name(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException(field, "is required");
    }
    if (!NAME.matcher(value).matches()) {
      throw new InvalidRequestException(field, "'" + value + "' must match " + NAME_RULE);
    }
    return value;
  }

  /**
   * {@code value} if it is text for people of at most {@code max} characters without control
   * characters other than tab and line breaks. NUL above all: PostgreSQL cannot store it in text
   * where SQLite can, so refusing it here answers the same 400 on both databases.
   */
  public static String text(String field, String value, int max) {
    if (value.length() > max) {
      throw new InvalidRequestException(field, "must be at most " + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw new InvalidRequestException(
            field, "must not contain control characters (found U+%04X)".formatted((int) c));
      }
    }
    return value;
  }

  /** {@code value} if it is a valid server id (the event subjects' rule). */
  public static String serverId(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException(field, "is required");
    }
    try {
      return Ids.server(value);
    } catch (InvalidIdException e) {
      throw new InvalidRequestException(field, e.getMessage());
    }
  }
}
