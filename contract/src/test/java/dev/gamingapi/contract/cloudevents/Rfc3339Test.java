package dev.gamingapi.contract.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read shape of {@code ce-time} gives what {@link OffsetDateTime#parse} gives. */
class Rfc3339Test {
  private static final String DIGITS_AND_MORE = "0123456789-+:.TtZz ,";

  @Test
  void readsTheShapesSdksWrite() {
    assertThat(Rfc3339.parse("2026-11-24T10:05:00Z")).isEqualTo("2026-11-24T10:05:00Z");
    assertThat(Rfc3339.parse("2026-11-24T10:05:00.1Z")).isEqualTo("2026-11-24T10:05:00.100Z");
    assertThat(Rfc3339.parse("2026-11-24T10:05:00.123456789Z"))
        .isEqualTo(Instant.parse("2026-11-24T10:05:00.123456789Z"));
    assertThat(Rfc3339.parse("2026-11-24T11:05:00.5+01:00"))
        .isEqualTo(Instant.parse("2026-11-24T10:05:00.5Z"));
    assertThat(Rfc3339.parse("2026-11-24T05:35:00-04:30"))
        .isEqualTo(Instant.parse("2026-11-24T10:05:00Z"));
  }

  @Test
  void refusesWhatTheFullParserRefuses() {
    for (String bad :
        List.of(
            "2026-13-24T10:05:00Z",
            "2026-02-30T10:05:00Z",
            "2026-11-24T24:00:00Z",
            "2026-11-24T10:05:60Z",
            "2026-11-24T10:05:00+19:00",
            "2026-11-24T10:05:00+01:60",
            "2026-11-24T10:05:00",
            "2026-11-24 10:05:00Z",
            "2026-11-24T10:05:00.1234567890Z")) {
      assertThatThrownBy(() -> Rfc3339.parse(bad))
          .as(bad)
          .isInstanceOf(DateTimeParseException.class);
    }
  }

  @Test
  void randomEditsOfValidTimesGiveTheSameAnswerAsTheFullParser() {
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(0, 8_000_000_000L), random.nextInt());
      StringBuilder text = new StringBuilder(instant.toString());
      int edits = random.nextInt(3);
      for (int e = 0; e < edits && !text.isEmpty(); e++) {
        int at = random.nextInt(text.length());
        char c = DIGITS_AND_MORE.charAt(random.nextInt(DIGITS_AND_MORE.length()));
        switch (random.nextInt(3)) {
          case 0 -> text.setCharAt(at, c);
          case 1 -> text.insert(at, c);
          default -> text.deleteCharAt(at);
        }
      }
      String input = text.toString();
      Object expected = outcome(() -> OffsetDateTime.parse(input).toInstant());
      assertThat(outcome(() -> Rfc3339.parse(input))).as(input).isEqualTo(expected);
    }
  }

  private static Object outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException refused) {
      return "refused";
    }
  }
}
