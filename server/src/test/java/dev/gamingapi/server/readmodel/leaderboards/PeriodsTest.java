package dev.gamingapi.server.readmodel.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch asks a board's period once per period, not once per event ({@link Periods.Memo}): the
 * span it keeps must give every instant the key {@link Periods#key} gives it, at period edges and
 * across daylight-saving changes.
 */
class PeriodsTest {
  private static final List<Board> BOARDS =
      List.of(
          board("none", null, "UTC"),
          board("daily", null, "Europe/Paris"),
          board("weekly", null, "America/New_York"),
          board("monthly", null, "Australia/Lord_Howe"),
          board("cron", "30 2 * * *", "Europe/Paris"),
          board("cron", "0 18 * * fri", "Europe/Paris"),
          board("cron", "*/20 1-3 * * *", "America/New_York"));

  private static Board board(String reset, String cron, String zone) {
    return Board.of("b", "kills", null, null, null, reset, cron, zone, Instant.EPOCH);
  }

  @Test
  void theMemoGivesEveryInstantThePlainKeyInOrderAndOutOfOrder() {
    // Around both 2026 daylight-saving changes in Europe and America, minute by minute and by
    // random jumps back and forth (events of a batch are not in time order).
    Random random = new Random(42);
    for (Board board : BOARDS) {
      Periods.Memo memo = new Periods.Memo();
      for (String around :
          List.of(
              "2026-03-08T00:00:00Z",
              "2026-03-29T00:00:00Z",
              "2026-10-25T00:00:00Z",
              "2026-11-01T00:00:00Z",
              "2026-12-31T20:00:00Z")) {
        Instant start = Instant.parse(around);
        for (int minute = 0; minute < 12 * 60; minute += 7) {
          check(
              board,
              memo,
              start.plus(Duration.ofMinutes(minute)).plusMillis(random.nextInt(60_000)));
        }
        for (int jump = 0; jump < 500; jump++) {
          check(board, memo, start.plusSeconds(random.nextLong(-3 * 86_400, 3 * 86_400)));
        }
      }
    }
  }

  @Test
  void aSpanEndsWhereTheNextPeriodStarts() {
    for (Board board : BOARDS.subList(1, BOARDS.size())) {
      Periods.Span span = Periods.span(board, Instant.parse("2026-03-29T00:30:00Z"));
      assertThat(span.start()).isNotNull();
      assertThat(Periods.key(board, span.end())).isNotEqualTo(span.key());
      assertThat(Periods.key(board, span.end().minusMillis(1))).isEqualTo(span.key());
      assertThat(Periods.key(board, span.start())).isEqualTo(span.key());
      assertThat(Periods.key(board, span.start().minusMillis(1))).isNotEqualTo(span.key());
    }
    assertThat(Periods.span(BOARDS.get(0), Instant.EPOCH))
        .isEqualTo(new Periods.Span("all", null, null));
  }

  private static void check(Board board, Periods.Memo memo, Instant at) {
    assertThat(memo.span(board, at).key())
        .as("%s %s at %s", board.reset(), board.cron(), at)
        .isEqualTo(Periods.key(board, at));
  }
}
