package dev.gamingapi.server.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** Leaderboard periods computed with plain java.time, for {@link HistoryFold}. */
final class HistoryPeriods {
  private HistoryPeriods() {}

  static String key(HistoryFold.Board board, long at) {
    LocalDate day = Instant.ofEpochMilli(at).atZone(board.zone()).toLocalDate();
    return switch (board.reset()) {
      case "daily" -> day.toString();
      case "weekly" ->
          day.get(IsoFields.WEEK_BASED_YEAR)
              + "-W"
              + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      default -> "all";
    };
  }

  static long next(HistoryFold.Board board, long at) {
    LocalDate day = Instant.ofEpochMilli(at).atZone(board.zone()).toLocalDate();
    return switch (board.reset()) {
      case "daily" -> day.plusDays(1).atStartOfDay(board.zone()).toInstant().toEpochMilli();
      case "weekly" ->
          day.plusDays(8 - day.getDayOfWeek().getValue())
              .atStartOfDay(board.zone())
              .toInstant()
              .toEpochMilli();
      default -> Long.MAX_VALUE;
    };
  }
}
