package dev.gamingapi.contract.cloudevents;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads {@code ce-time}, an RFC 3339 time. Every event read goes through here, and {@link
 * OffsetDateTime#parse} is a good part of the cost of reading one, so the shape every SDK writes
 * ({@code 2026-11-24T10:05:00.123Z}: digits at fixed places, 0 to 9 fraction digits, {@code Z} or
 * {@code +hh:mm}) is read by hand; anything else goes to {@link OffsetDateTime#parse}, which
 * decides. Both give the same instant or the same refusal: values out of range are checked by
 * {@link LocalDateTime#of} and fall back too.
 */
final class Rfc3339 {
  private Rfc3339() {}

  /**
   * The instant {@code text} names.
   *
   * @throws DateTimeParseException when it is not an RFC 3339 time
   */
  static Instant parse(String text) {
    Instant fast = fast(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  // The common shape, or null to let the full parser decide.
  private static Instant fast(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int first = ++at;
      while (at < length && at - first < 9 && isDigit(text.charAt(at))) {
        nanos = nanos * 10 + (text.charAt(at) - '0');
        at++;
      }
      if (at == first) {
        return null;
      }
      for (int scale = at - first; scale < 9; scale++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (at == length - 1 && text.charAt(at) == 'Z') {
      offsetSeconds = 0;
    } else if (at == length - 6
        && (text.charAt(at) == '+' || text.charAt(at) == '-')
        && text.charAt(at + 3) == ':') {
      int hours = digits(text, at + 1, 2);
      int minutes = digits(text, at + 4, 2);
      if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
        return null;
      }
      offsetSeconds = (hours * 3600 + minutes * 60) * (text.charAt(at) == '-' ? -1 : 1);
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  // The number written by count digits at from, or -1 when one is not a digit.
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
