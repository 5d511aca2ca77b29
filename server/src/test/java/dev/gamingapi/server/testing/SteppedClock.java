package dev.gamingapi.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: for tests that wait for time to pass (a lease to
 * expire, a suspension to end) without sleeping. Safe to read from the threads the code under test
 * runs on.
 */
public final class SteppedClock extends Clock {
  private final AtomicReference<Instant> now;

  /** Stands at {@code start}. */
  public SteppedClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** Stands at the system's time now, to the millisecond (what the database keeps). */
  public static SteppedClock atSystemTime() {
    return new SteppedClock(Instant.ofEpochMilli(System.currentTimeMillis()));
  }

  /** Moves the clock {@code step} forward. */
  public void advance(Duration step) {
    now.updateAndGet(at -> at.plus(step));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a stepped clock is in UTC");
  }
}
