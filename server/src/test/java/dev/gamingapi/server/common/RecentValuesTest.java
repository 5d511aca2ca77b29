package dev.gamingapi.server.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class RecentValuesTest {
  private final AtomicInteger source = new AtomicInteger();
  private final AtomicInteger reads = new AtomicInteger();

  private Integer read(String key) {
    reads.incrementAndGet();
    return source.get();
  }

  @Test
  void aRecentValueIsServedWithoutReadingAgain() {
    RecentValues<String, Integer> values = new RecentValues<>(Duration.ofMinutes(1), 10);
    source.set(1);

    assertThat(values.get("a", this::read)).isEqualTo(1);
    source.set(2);

    assertThat(values.get("a", this::read)).isEqualTo(1);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aChangeElsewhereIsSeenOnceTheValueIsOlderThanItsMaximumAge() {
    RecentValues<String, Integer> values = new RecentValues<>(Duration.ofMillis(100), 10);
    source.set(1);
    values.get("a", this::read);
    source.set(2);

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> values.get("a", this::read) == 2);
  }

  @Test
  void forgettingMakesTheNextGetReadAtOnce() {
    RecentValues<String, Integer> values = new RecentValues<>(Duration.ofMinutes(1), 10);
    source.set(1);
    values.get("a", this::read);
    source.set(2);

    values.forgetAll();

    assertThat(values.get("a", this::read)).isEqualTo(2);
  }

  @Test
  void aReadUnderWayWhenForgettingIsNotKept() {
    RecentValues<String, Integer> values = new RecentValues<>(Duration.ofMinutes(1), 10);
    source.set(1);
    // The source changes and the cache is told while this read is under way: what it read is
    // already old and must not be served afterwards.
    values.get(
        "a",
        key -> {
          Integer old = read(key);
          source.set(2);
          values.forgetAll();
          return old;
        });

    assertThat(values.get("a", this::read)).isEqualTo(2);
  }

  @Test
  void aFailedReadIsNotKept() {
    RecentValues<String, Integer> values = new RecentValues<>(Duration.ofMinutes(1), 10);

    assertThatThrownBy(
            () ->
                values.get(
                    "a",
                    key -> {
                      throw new NotFoundException("thing", key);
                    }))
        .isInstanceOf(NotFoundException.class);
    source.set(3);

    assertThat(values.get("a", this::read)).isEqualTo(3);
  }

  @Test
  void pastItsSizeTheCacheStartsOver() {
    RecentValues<String, Integer> values = new RecentValues<>(Duration.ofMinutes(1), 2);
    values.get("a", this::read);
    values.get("b", this::read);
    values.get("c", this::read);

    values.get("a", this::read);

    assertThat(reads).hasValue(4);
  }
}
