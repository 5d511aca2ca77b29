package dev.gamingapi.cli;

import java.util.Optional;
import java.util.Set;

/**
 * {@code GAMINGAPI_LOG_FORMAT}: {@code text} (the default) or {@code json}, the name of the Logback
 * appender {@code logback.xml} sends the root logger to. Checked before anything logs, because
 * Logback answers an unknown appender name with one status line and then drops every log line.
 */
final class LogFormat {
  static final String VARIABLE = "GAMINGAPI_LOG_FORMAT";
  private static final Set<String> FORMATS = Set.of("text", "json");

  private LogFormat() {}

  /** The problem with {@code value} as a log format, if any (null and empty mean the default). */
  static Optional<String> problem(String value) {
    if (value == null || value.isEmpty() || FORMATS.contains(value)) {
      return Optional.empty();
    }
    return Optional.of(VARIABLE + " must be text or json, not '" + value + "'");
  }
}
