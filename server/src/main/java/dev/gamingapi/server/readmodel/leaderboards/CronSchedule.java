package dev.gamingapi.server.readmodel.leaderboards;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A five-field cron schedule (minute hour day-of-month month day-of-week, as crontab(5) reads them:
 * numbers, {@code *}, ranges {@code a-b}, lists {@code a,b}, steps {@code * /n} and {@code a-b/n},
 * month and day names, Sunday as 0 or 7), evaluated in a time zone. A leaderboard with a cron reset
 * starts a new period at every time the schedule names.
 *
 * <p>As in cron, when both day fields are restricted a day matches either of them. Wall-clock times
 * that a daylight-saving change skips do not happen; a time that happens twice starts one period,
 * at its first occurrence.
 *
 * <p>Hand-written rather than cron-utils (9.2.1, checked against CronScheduleTest): its next and
 * last executions disagree about a repeated wall-clock time (after 02:30 first happens in Paris on
 * 2026-10-25, the next execution is the 26th's, yet the last execution at 02:45 the second time
 * round is the second 02:30), which would end a period where the next one does not start; and its
 * parse errors do not name the field the way the API's answers do.
 */
final class CronSchedule {
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");

  /** How far back or ahead a schedule is searched: a schedule must fire once in this many days. */
  private static final int HORIZON_DAYS = 8 * 366;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;

  private CronSchedule(String text, String[] fields) {
    this.text = text;
    this.minutes = field(fields[0], "minute", 0, 59, List.of());
    this.hours = field(fields[1], "hour", 0, 23, List.of());
    this.daysOfMonth = field(fields[2], "day of month", 1, 31, List.of());
    this.months = field(fields[3], "month", 1, 12, MONTHS);
    BitSet week = field(fields[4], "day of week", 0, 7, DAYS);
    if (week.get(7)) {
      week.set(0); // Sunday is 0 and 7
    }
    this.daysOfWeek = week;
    this.anyDayOfMonth = fields[2].startsWith("*");
    this.anyDayOfWeek = fields[4].startsWith("*");
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static CronSchedule parse(String text) {
    String[] fields = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException(
          "needs 5 fields (minute hour day-of-month month day-of-week), got " + fields.length);
    }
    CronSchedule schedule = new CronSchedule(text.trim(), fields);
    LocalDateTime probe = LocalDateTime.of(2000, 1, 1, 0, 0);
    if (schedule.nextLocal(probe, HORIZON_DAYS) == null) {
      throw new IllegalArgumentException("never fires (a day that does not exist?)");
    }
    return schedule;
  }

  /** The schedule as written. */
  String text() {
    return text;
  }

  /** The last time the schedule fired at or before {@code at} (the start of its period). */
  Instant previous(ZoneId zone, Instant at) {
    // Just after clocks go back, wall-clock times later than at's own already fired (their first
    // occurrence, before the change): start looking from at's wall-clock time plus the change.
    LocalDateTime local = LocalDateTime.ofInstant(at, zone).plus(repeated(zone, at));
    LocalDate day = local.toLocalDate();
    for (int back = 0; back <= HORIZON_DAYS; back++, day = day.minusDays(1)) {
      if (!matches(day)) {
        continue;
      }
      LocalTime latest = back == 0 ? local.toLocalTime() : LocalTime.MAX;
      for (int hour = latest.getHour(); hour >= 0; hour--) {
        if (!hours.get(hour)) {
          continue;
        }
        int fromMinute = hour == latest.getHour() ? latest.getMinute() : 59;
        for (int minute = fromMinute; minute >= 0; minute--) {
          if (minutes.get(minute)) {
            Instant fired = fire(zone, day.atTime(hour, minute));
            if (fired != null && !fired.isAfter(at)) {
              return fired;
            }
          }
        }
      }
    }
    return Instant.MIN; // no firing in the horizon: one period for all of the past
  }

  /** The first time the schedule fires after {@code at}, or null when never within the horizon. */
  Instant next(ZoneId zone, Instant at) {
    LocalDateTime from = LocalDateTime.ofInstant(at, zone);
    // Whole minutes: the first candidate is the minute after at's own.
    LocalDateTime local = nextLocal(from.withSecond(0).withNano(0).plusMinutes(1), HORIZON_DAYS);
    while (local != null) {
      Instant fired = fire(zone, local);
      if (fired != null && fired.isAfter(at)) {
        return fired;
      }
      local = nextLocal(local.plusMinutes(1), HORIZON_DAYS);
    }
    return null;
  }

  // The first matching wall-clock minute at or after from.
  private LocalDateTime nextLocal(LocalDateTime from, int horizonDays) {
    LocalDate day = from.toLocalDate();
    for (int ahead = 0; ahead <= horizonDays; ahead++, day = day.plusDays(1)) {
      if (!matches(day)) {
        continue;
      }
      LocalTime earliest = ahead == 0 ? from.toLocalTime() : LocalTime.MIDNIGHT;
      for (int hour = earliest.getHour(); hour < 24; hour++) {
        if (!hours.get(hour)) {
          continue;
        }
        int fromMinute = hour == earliest.getHour() ? earliest.getMinute() : 0;
        for (int minute = fromMinute; minute < 60; minute++) {
          if (minutes.get(minute)) {
            return day.atTime(hour, minute);
          }
        }
      }
    }
    return null;
  }

  // How far clocks went back at the last change before at (zero when they went forward).
  private static Duration repeated(ZoneId zone, Instant at) {
    ZoneOffsetTransition change = zone.getRules().previousTransition(at.plusNanos(1));
    return change != null && change.isOverlap() ? change.getDuration().negated() : Duration.ZERO;
  }

  // The instant of a wall-clock time, or null when a daylight-saving gap skips it; in an overlap
  // the first occurrence.
  private static Instant fire(ZoneId zone, LocalDateTime local) {
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      return null;
    }
    return local.atZone(zone).toInstant();
  }

  private boolean matches(LocalDate day) {
    if (!months.get(day.getMonthValue())) {
      return false;
    }
    boolean dom = daysOfMonth.get(day.getDayOfMonth());
    boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
    if (anyDayOfMonth || anyDayOfWeek) {
      return dom && dow;
    }
    return dom || dow;
  }

  private static BitSet field(String text, String name, int min, int max, List<String> names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",", -1)) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), name, 1, max, List.of());
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = number(ends[0], name, min, max, names);
        to = number(ends[1], name, min, max, names);
        if (to < from) {
          throw new IllegalArgumentException(name + " range '" + range + "' runs backwards");
        }
      } else {
        from = number(range, name, min, max, names);
        to = slash >= 0 ? max : from;
      }
      for (int value = from; value <= to; value += step) {
        bits.set(value);
      }
    }
    return bits;
  }

  private static int number(String text, String name, int min, int max, List<String> names) {
    int index = names.indexOf(text);
    if (index >= 0) {
      return index + (names.size() == 12 ? 1 : 0);
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        name + " '" + text + "' must be a number from " + min + " to " + max);
  }

  @Override
  public String toString() {
    return text;
  }
}
