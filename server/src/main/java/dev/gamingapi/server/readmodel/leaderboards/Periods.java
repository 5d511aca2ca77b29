package dev.gamingapi.server.readmodel.leaderboards;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * Leaderboard periods: {@code all} (no reset), {@code 2026-11-24} (daily), {@code 2026-W48}
 * (weekly, ISO weeks from Monday), {@code 2026-11} (monthly), in the board's time zone.
 */
final class Periods {
  private Periods() {}

  static String key(String reset, ZoneId zone, Instant at) {
    LocalDate day = at.atZone(zone).toLocalDate();
    return switch (reset) {
      case "daily" -> day.toString();
      case "weekly" ->
          String.format(
              "%d-W%02d",
              day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case "monthly" -> day.toString().substring(0, 7);
      default -> "all";
    };
  }

  /** The first instant after {@code at} that starts a new period (null: never). */
  static Instant next(String reset, ZoneId zone, Instant at) {
    LocalDate day = at.atZone(zone).toLocalDate();
    LocalDate start =
        switch (reset) {
          case "daily" -> day.plusDays(1);
          case "weekly" -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
          case "monthly" -> day.with(TemporalAdjusters.firstDayOfNextMonth());
          default -> null;
        };
    return start == null ? null : start.atStartOfDay(zone).toInstant();
  }
}
