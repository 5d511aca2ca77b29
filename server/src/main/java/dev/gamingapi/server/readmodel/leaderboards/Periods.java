package dev.gamingapi.server.readmodel.leaderboards;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
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

  /**
   * A period of a board: its key and the instants it spans, from {@code start} (null: the beginning
   * of time) up to but excluding {@code end} (null: never ends).
   */
  record Span(String key, Instant start, Instant end) {
    boolean contains(Instant at) {
      return (start == null || !at.isBefore(start)) && (end == null || at.isBefore(end));
    }
  }

  /**
   * The period of a board that holds {@code at}. Every instant of the span has the same key, so a
   * batch computes a board's period once per period rather than once per event ({@link Memo}).
   */
  static Span span(Board board, Instant at) {
    ZoneId zone = ZoneId.of(board.timeZone());
    if (board.reset().equals("cron")) {
      Instant start = schedule(board).previous(zone, at);
      Instant end = schedule(board).next(zone, at);
      return start.equals(Instant.MIN)
          ? new Span("all", null, end)
          : new Span(CRON_KEY.format(LocalDateTime.ofInstant(start, zone)), start, end);
    }
    LocalDate day = at.atZone(zone).toLocalDate();
    LocalDate first =
        switch (board.reset()) {
          case "daily" -> day;
          case "weekly" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case "monthly" -> day.withDayOfMonth(1);
          default -> null;
        };
    return first == null
        ? new Span("all", null, null)
        : new Span(key(board, at), first.atStartOfDay(zone).toInstant(), next(board, at));
  }

  /** The last span of each board asked for: consecutive events mostly fall in the same one. */
  static final class Memo {
    private final Map<String, Span> last = new HashMap<>();

    /** The span of {@code board} that holds {@code at}. */
    Span span(Board board, Instant at) {
      Span known = last.get(board.name());
      if (known != null && known.contains(at)) {
        return known;
      }
      Span span = Periods.span(board, at);
      last.put(board.name(), span);
      return span;
    }
  }

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
