package dev.gamingapi.server.readmodel.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Cron schedules as crontab(5) reads them, in a time zone, across daylight-saving changes. */
class CronScheduleTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  @Test
  void aPeriodStartsAtTheLastFiringAtOrBeforeAnInstantAndEndsAtTheNext() {
    CronSchedule fridays = CronSchedule.parse("0 18 * * fri");
    // 18:00 in Paris is 17:00Z in November.
    assertThat(fridays.previous(PARIS, at("2026-11-20T17:00:00Z")))
        .isEqualTo(at("2026-11-20T17:00:00Z"));
    assertThat(fridays.previous(PARIS, at("2026-11-20T16:59:59Z")))
        .isEqualTo(at("2026-11-13T17:00:00Z"));
    assertThat(fridays.next(PARIS, at("2026-11-20T17:00:00Z")))
        .isEqualTo(at("2026-11-27T17:00:00Z"));
    assertThat(fridays.next(PARIS, at("2026-11-20T16:59:59.999Z")))
        .isEqualTo(at("2026-11-20T17:00:00Z"));
  }

  @Test
  void stepsRangesListsAndNamesAndSundayAsSeven() {
    CronSchedule quarter = CronSchedule.parse("*/15 9-17 * * mon-fri");
    assertThat(quarter.previous(UTC, at("2026-11-24T10:44:00Z")))
        .isEqualTo(at("2026-11-24T10:30:00Z"));
    // Saturday and Sunday skipped: from Friday evening to Monday 09:00.
    assertThat(quarter.next(UTC, at("2026-11-27T17:45:00Z"))).isEqualTo(at("2026-11-30T09:00:00Z"));
    CronSchedule sundays = CronSchedule.parse("30 6 * JAN,nov 7");
    assertThat(sundays.previous(UTC, at("2026-11-24T00:00:00Z")))
        .isEqualTo(at("2026-11-22T06:30:00Z"));
    CronSchedule months = CronSchedule.parse("0 0 1 */3 *");
    assertThat(months.previous(UTC, at("2026-11-24T00:00:00Z")))
        .isEqualTo(at("2026-10-01T00:00:00Z"));
  }

  @Test
  void whenBothDayFieldsAreRestrictedEitherMatches() {
    // The 1st of the month or any Monday.
    CronSchedule either = CronSchedule.parse("0 0 1 * 1");
    assertThat(either.next(UTC, at("2026-11-24T00:00:00Z"))).isEqualTo(at("2026-11-30T00:00:00Z"));
    assertThat(either.next(UTC, at("2026-11-30T00:00:00Z"))).isEqualTo(at("2026-12-01T00:00:00Z"));
  }

  @Test
  void aSkippedWallClockTimeDoesNotFireAndARepeatedOneFiresOnce() {
    CronSchedule twoThirty = CronSchedule.parse("30 2 * * *");
    // 2026-03-29: Paris skips 02:00-03:00, so the 28th's firing is the last before the 30th's.
    assertThat(twoThirty.next(PARIS, at("2026-03-28T01:30:00Z")))
        .isEqualTo(at("2026-03-30T00:30:00Z"));
    // 2026-10-25: 02:30 happens twice in Paris; the period starts at the first (00:30Z).
    assertThat(twoThirty.previous(PARIS, at("2026-10-25T01:45:00Z")))
        .isEqualTo(at("2026-10-25T00:30:00Z"));
    // 01:10Z is 02:10 the second time round, after the first 02:30 (found by PeriodsTest).
    assertThat(twoThirty.previous(PARIS, at("2026-10-25T01:10:00Z")))
        .isEqualTo(at("2026-10-25T00:30:00Z"));
    assertThat(twoThirty.next(PARIS, at("2026-10-25T00:30:00Z")))
        .isEqualTo(at("2026-10-26T01:30:00Z"));
  }

  @Test
  void badSchedulesAreRefusedSayingWhy() {
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * *")).hasMessageContaining("5 fields");
    assertThatThrownBy(() -> CronSchedule.parse("60 0 * * *")).hasMessageContaining("minute '60'");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * * funday"))
        .hasMessageContaining("day of week 'funday'");
    assertThatThrownBy(() -> CronSchedule.parse("0 5-2 * * *")).hasMessageContaining("backwards");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 30 2 *")).hasMessageContaining("never fires");
  }
}
