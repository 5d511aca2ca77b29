package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateWindowTest {
  @Test
  void atMostNRequestsGoInAnySixtySeconds() {
    RateWindow window = new RateWindow();
    assertThat(window.acquire(0, 2)).isZero();
    assertThat(window.acquire(10_000, 2)).isZero();
    // The third waits until the first leaves the window.
    assertThat(window.acquire(20_000, 2)).isEqualTo(40_000);
    // The fourth, asked at once, waits for the second (at 10 s) to leave: until 70 s.
    assertThat(window.acquire(20_000, 2)).isEqualTo(50_000);
    assertThat(window.acquire(200_000, 2)).isZero();
  }

  @Test
  void aLowerRateTakesEffectAtOnce() {
    RateWindow window = new RateWindow();
    for (int i = 0; i < 5; i++) {
      assertThat(window.acquire(i, 30)).isZero();
    }
    assertThat(window.acquire(5, 1)).isEqualTo(59_999);
  }
}
