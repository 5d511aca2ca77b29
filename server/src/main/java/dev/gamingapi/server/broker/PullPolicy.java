package dev.gamingapi.server.broker;

import java.time.Duration;

/**
 * How the platform's durable consumers in each tenant (read models, notifications, command
 * tracking) pull, and when they stop pulling.
 *
 * <p>A pull waiting on the broker costs a heartbeat every half of its expiry (at most 30 s) and a
 * new pull at its expiry, on both sides: with three consumers per tenant, ten thousand idle tenants
 * made a thousand heartbeats a second. So a consumer caught up for {@code parkAfter} parks: it asks
 * for nothing more, lets its last pull run out, and waits on a {@link Wake} for the tenant's next
 * message instead.
 *
 * @param parkAfter how long a caught-up consumer keeps pulling before it parks
 * @param expiry how long each pull waits on the broker
 */
public record PullPolicy(Duration parkAfter, Duration expiry) {
  /** Checks the durations (jnats refuses a pull shorter than a second). */
  public PullPolicy {
    if (parkAfter == null || parkAfter.isNegative()) {
      throw new IllegalArgumentException("parkAfter must not be negative");
    }
    if (expiry == null || expiry.toMillis() < 1000) {
      throw new IllegalArgumentException("a pull must wait at least 1 s");
    }
  }

  /**
   * Parked after 30 s without a message (a tenant publishing every few seconds never parks), pulls
   * of 60 s.
   */
  public static PullPolicy defaults() {
    return new PullPolicy(Duration.ofSeconds(30), BrokerConnections.PULL_EXPIRY);
  }

  /** These settings with {@code parkAfter} instead. */
  public PullPolicy withParkAfter(Duration parkAfter) {
    return new PullPolicy(parkAfter, expiry);
  }

  /** The time from a consumer's last message until it is parked, at most. */
  public Duration untilParked() {
    return parkAfter.plus(expiry);
  }
}
