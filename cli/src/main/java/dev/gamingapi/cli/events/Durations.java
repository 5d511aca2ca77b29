package dev.gamingapi.cli.events;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the short durations ({@code 500ms}, {@code 10s}, {@code 15m}, {@code 2h}, {@code 7d}) and
 * times the CLI takes.
 */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  static Duration parse(String option, String text) {
    Matcher matcher = SHORT.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          option + " '" + text + "' is not a duration like 500ms, 10s, 15m, 2h or 7d");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /** An RFC 3339 time, or a duration meaning that long ago. */
  static Instant since(String option, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notATime) {
      return Instant.now().minus(parse(option, text));
    }
  }
}
