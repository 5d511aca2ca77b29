package dev.gamingapi.server.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time as the control plane keeps it: milliseconds, the precision the database keeps. */
public final class Times {
  private Times() {}

  /**
   * Now on {@code clock}, to the millisecond, so that what a create answers equals what a later
   * read answers (the database stores epoch milliseconds).
   */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
