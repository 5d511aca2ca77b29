package dev.gamingapi.sdk;

import java.time.Duration;

/**
 * {@link GameServerClient#flush(Duration)} ran out of time. The events still pending stay in the
 * journal and keep being sent; nothing is lost.
 */
public final class FlushTimeoutException extends GamingApiException {
  private final long pending;

  /** A timeout after {@code timeout} with {@code pending} events not yet acknowledged. */
  public FlushTimeoutException(Duration timeout, long pending) {
    super(
        pending
            + " events not yet acknowledged by the broker after "
            + timeout
            + " (they stay in the journal and keep being sent)");
    this.pending = pending;
  }

  /** How many accepted events were not yet acknowledged when the time ran out. */
  public long pending() {
    return pending;
  }
}
