package dev.gamingapi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void aTokenBurstsItsMinuteThenWaitsForTheRefill() {
    RateLimiter limiter = new RateLimiter();
    long start = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a/u", 3, start)).isZero();
    }
    // One request comes back every 20 s.
    assertThat(limiter.acquire("a/u", 3, start)).isEqualTo(20);
    assertThat(limiter.acquire("a/u", 3, start + 20 * SECOND)).isZero();
  }

  @Test
  void bucketsIdleForAMinuteAreDroppedAndComeBackFull() {
    RateLimiter limiter = new RateLimiter();
    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      limiter.acquire("a/user" + i, 1, start);
    }
    assertThat(limiter.keys()).isEqualTo(100);
    assertThat(limiter.acquire("a/user0", 1, start + SECOND)).isPositive();
    // Two minutes on, every bucket had refilled: only the asking one is left, and it is full.
    assertThat(limiter.acquire("a/user0", 1, start + 120 * SECOND)).isZero();
    assertThat(limiter.keys()).isEqualTo(1);
  }
}
