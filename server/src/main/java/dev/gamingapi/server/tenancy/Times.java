package dev.gamingapi.server.tenancy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The control plane's clock: milliseconds, the precision the database keeps. */
final class Times {
  private Times() {}

  /**
   * Now, to the millisecond, so that what a create answers equals what a later read answers (the
   * database stores epoch milliseconds).
   */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
