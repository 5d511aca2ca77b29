package dev.gamingapi.server.accounts.plans;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A tenant's quotas: the JetStream limits of its account and the retention of its event log.
 *
 * @param name shown to operators and owners
 * @param memoryStorage bytes of memory-backed JetStream storage
 * @param diskStorage bytes of file-backed JetStream storage
 * @param streams streams (KV buckets and object stores count too)
 * @param consumers consumers; per stream on nats-server 2.9.10, not per account
 * @param maxPayload largest message in bytes
 * @param eventMaxAge how long the {@code EVENTS} stream keeps an event
 * @param eventMaxBytes the size the {@code EVENTS} stream may reach before dropping old events
 * @param connections client connections the platform lets the tenant keep open (the account JWT
 *     itself stays unlimited: see {@code jwt.AccountClaims})
 * @param apiRequestsPerMinute REST requests per minute and token
 */
public record Plan(
    String name,
    long memoryStorage,
    long diskStorage,
    long streams,
    long consumers,
    long maxPayload,
    Duration eventMaxAge,
    long eventMaxBytes,
    long connections,
    long apiRequestsPerMinute) {
  private static final long MIB = 1024L * 1024;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** Validates the limits; every one is positive so that no quota is accidentally off. */
  public Plan {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a plan needs a name");
    }
    // The API's name rule, which also fits accounts.plan (VARCHAR(63)): PostgreSQL enforces that
    // length where SQLite ignores it, so a longer name would only fail at the first account.
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("plan name '" + name + "' must match " + NAME.pattern());
    }
    requirePositive("memoryStorage", memoryStorage);
    requirePositive("diskStorage", diskStorage);
    requirePositive("streams", streams);
    requirePositive("consumers", consumers);
    requirePositive("maxPayload", maxPayload);
    requirePositive("eventMaxBytes", eventMaxBytes);
    requirePositive("connections", connections);
    requirePositive("apiRequestsPerMinute", apiRequestsPerMinute);
    if (eventMaxAge == null || eventMaxAge.isNegative() || eventMaxAge.isZero()) {
      throw new IllegalArgumentException("plan " + name + ": eventMaxAge must be positive");
    }
    if (eventMaxBytes > diskStorage) {
      // The broker would refuse the stream (10047 insufficient storage resources).
      throw new IllegalArgumentException(
          "plan "
              + name
              + ": eventMaxBytes "
              + eventMaxBytes
              + " exceeds diskStorage "
              + diskStorage);
    }
  }

  /**
   * The plan of the first GamingAPI broker account, {@code standard}: 512 MiB memory, 1 GiB disk,
   * 10 streams, 100 consumers, 30 days of events.
   */
  public static Plan defaultPlan() {
    return new Plan(
        "standard", 512 * MIB, 1024 * MIB, 10, 100, MIB, Duration.ofDays(30), 768 * MIB, 100, 600);
  }

  private void requirePositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(
          "plan " + name + ": " + field + " must be positive, got " + value);
    }
  }
}
