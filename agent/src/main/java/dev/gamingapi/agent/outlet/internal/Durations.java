package dev.gamingapi.agent.outlet.internal;

import java.time.Duration;

/** Durations as failure messages show them: {@code 5 s}, {@code 250 ms}. */
public final class Durations {
  private Durations() {}

  /** {@code duration} in whole seconds when it is some, else in milliseconds. */
  public static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }
}
