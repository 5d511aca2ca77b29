package dev.gamingapi.server.notify;

import java.time.Duration;

/**
 * Settings of notification delivery.
 *
 * @param allowPrivate whether webhook URLs may point at loopback, private or link-local addresses
 *     and use plain {@code http}; off in production so that a tenant cannot make the platform call
 *     its own network (SSRF); tests and single-machine setups turn it on
 * @param requestTimeout how long one HTTP request to an endpoint may take
 * @param backoffBase the wait after the first failure; it doubles after each further failure
 * @param backoffMax the longest wait between two attempts
 * @param pauseAfter a rule failing for longer than this is paused (and says so)
 * @param heartbeatTimeout a server that sent heartbeats and then none for this long fires one
 *     {@code server.unresponsive} notification
 */
public record NotifyConfig(
    boolean allowPrivate,
    Duration requestTimeout,
    Duration backoffBase,
    Duration backoffMax,
    Duration pauseAfter,
    Duration heartbeatTimeout) {

  /** Validates, naming the wrong setting. */
  public NotifyConfig {
    positive("requestTimeout", requestTimeout);
    positive("backoffBase", backoffBase);
    positive("backoffMax", backoffMax);
    positive("pauseAfter", pauseAfter);
    positive("heartbeatTimeout", heartbeatTimeout);
    if (backoffMax.compareTo(backoffBase) < 0) {
      throw new IllegalArgumentException("backoffMax must be at least backoffBase");
    }
  }

  /** Production defaults: public HTTPS endpoints only. */
  public static NotifyConfig defaults() {
    return new NotifyConfig(
        false,
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofMinutes(5),
        Duration.ofHours(24),
        Duration.ofSeconds(90));
  }

  /** A copy that allows private addresses and plain http: for tests against a local endpoint. */
  public NotifyConfig allowingPrivate() {
    return new NotifyConfig(
        true, requestTimeout, backoffBase, backoffMax, pauseAfter, heartbeatTimeout);
  }

  /** A copy with other timings. */
  public NotifyConfig withTimings(
      Duration requestTimeout,
      Duration backoffBase,
      Duration backoffMax,
      Duration pauseAfter,
      Duration heartbeatTimeout) {
    return new NotifyConfig(
        allowPrivate, requestTimeout, backoffBase, backoffMax, pauseAfter, heartbeatTimeout);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
