package dev.gamingapi.server.readmodel.leaderboards;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Leaderboard periods: {@code all} (no reset), {@code 2026-11-24} (daily), {@code 2026-W48}
 * (weekly, ISO weeks from Monday), {@code 2026-11} (monthly), {@code 2026-11-24T18:00} (cron: the
 * wall-clock time the period started), in the board's time zone.
 */
final class Periods {
  private static final DateTimeFormatter CRON_KEY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

  // Parsed schedules by text: every event asks for its period on every board.
  private static final Map<String, CronSchedule> SCHEDULES = new ConcurrentHashMap<>();

  private Periods() {}

  static String key(Board board, Instant at) {
    ZoneId zone = ZoneId.of(board.timeZone());
    if (board.reset().equals("cron")) {
      Instant start = schedule(board).previous(zone, at);
      return start.equals(Instant.MIN)
          ? "all"
          : CRON_KEY.format(LocalDateTime.ofInstant(start, zone));
    }
    LocalDate day = at.atZone(zone).toLocalDate();
    return switch (board.reset()) {
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
  static Instant next(Board board, Instant at) {
    ZoneId zone = ZoneId.of(board.timeZone());
    if (board.reset().equals("cron")) {
      return schedule(board).next(zone, at);
    }
    LocalDate day = at.atZone(zone).toLocalDate();
    LocalDate start =
        switch (board.reset()) {
          case "daily" -> day.plusDays(1);
          case "weekly" -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
          case "monthly" -> day.with(TemporalAdjusters.firstDayOfNextMonth());
          default -> null;
        };
    return start == null ? null : start.atStartOfDay(zone).toInstant();
  }

  static CronSchedule schedule(Board board) {
    return SCHEDULES.computeIfAbsent(board.cron(), CronSchedule::parse);
  }
}
