package dev.gamingapi.server.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The control plane's clock: milliseconds, the precision the database keeps. */
public final class Times {
  private Times() {}

  /**
   * Now, to the millisecond, so that what a create answers equals what a later read answers (the
   * database stores epoch milliseconds).
   */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
