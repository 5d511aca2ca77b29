package dev.gamingapi.agent.source;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a Half-Life Log Standard line and what follows it. Files and UDP packets write
 * {@code L 12/07/2026 - 10:00:00: message}; CS2's HTTP posting writes {@code 12/07/2026 -
 * 10:00:00.123 - message}. Both are accepted.
 *
 * @param time the line's local time, in the configured zone
 * @param message the text after the header
 */
record HlLine(ZonedDateTime time, String message) {
  private static final Pattern HEADER =
      Pattern.compile(
          "(?:L )?(\\d{2})/(\\d{2})/(\\d{4}) - (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?::| -)"
              + " (.*)",
          Pattern.DOTALL);

  /** The header and message of {@code line}, or empty when it has no valid header. */
  static Optional<HlLine> parse(String line, ZoneId zone) {
    Matcher header = HEADER.matcher(line);
    if (!header.matches()) {
      return Optional.empty();
    }
    try {
      String fraction = header.group(7);
      int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(header.group(3)),
              Integer.parseInt(header.group(1)),
              Integer.parseInt(header.group(2)),
              Integer.parseInt(header.group(4)),
              Integer.parseInt(header.group(5)),
              Integer.parseInt(header.group(6)),
              nanos);
      return Optional.of(new HlLine(local.atZone(zone), header.group(8)));
    } catch (DateTimeException e) {
      return Optional.empty(); // 13/45/2026: a header in form only
    }
  }
}
