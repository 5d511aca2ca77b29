package dev.gamingapi.server.readmodel;

import dev.gamingapi.server.broker.BrokerConnections;
import java.time.Duration;

/**
 * Settings of the read models.
 *
 * @param unresponsiveAfter how long a server may stay silent (no event at all, heartbeats included)
 *     before it counts as unresponsive and its sessions close
 * @param batchSize the most events applied in one transaction
 * @param credentialsLifetime the lifetime of the consumers' internal users; they reconnect with
 *     fresh ones at half of it
 * @param parkAfter how long a caught-up tenant's consumer keeps pulling before it parks: it stops
 *     pulling once its last pull is over and waits for the tenant's next publish instead
 * @param pullExpiry how long each pull of the consumers waits on the broker (the broker sends a
 *     heartbeat every half of it, at most 30 s, while nothing comes)
 */
public record ReadModelConfig(
    Duration unresponsiveAfter,
    int batchSize,
    Duration credentialsLifetime,
    Duration parkAfter,
    Duration pullExpiry) {
  /**
   * The largest batch: a tenant's consumer has up to three batches of messages unacked and in
   * memory (the one being written, the next, one buffered by the client), within its durable's
   * 20,000 acks pending.
   */
  public static final int MAX_BATCH_SIZE = 5_000;

  /** Checks the settings. */
  public ReadModelConfig {
    if (unresponsiveAfter == null || !unresponsiveAfter.isPositive()) {
      throw new IllegalArgumentException("unresponsiveAfter must be positive");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize must be 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
    }
    if (credentialsLifetime == null || credentialsLifetime.toSeconds() < 10) {
      throw new IllegalArgumentException("credentialsLifetime must be at least 10 s");
    }
    if (parkAfter == null || parkAfter.isNegative()) {
      throw new IllegalArgumentException("parkAfter must not be negative");
    }
    if (pullExpiry == null || pullExpiry.toMillis() < 1000) {
      throw new IllegalArgumentException("pullExpiry must be at least 1 s");
    }
  }

  /** These settings with {@code parkAfter} instead. */
  public ReadModelConfig withParkAfter(Duration parkAfter) {
    return new ReadModelConfig(
        unresponsiveAfter, batchSize, credentialsLifetime, parkAfter, pullExpiry);
  }

  /** These settings with {@code pullExpiry} instead. */
  public ReadModelConfig withPullExpiry(Duration pullExpiry) {
    return new ReadModelConfig(
        unresponsiveAfter, batchSize, credentialsLifetime, parkAfter, pullExpiry);
  }

  /**
   * 90 s to unresponsive, batches of up to 5,000 events (a batch reads and writes each row it
   * touches once, so bigger batches fold more events into one write; under a steady flow batches
   * stay far smaller, see TenantConsumer), internal users for an hour, parked after 30 s without an
   * event (a tenant publishing every few seconds never parks), pulls of 60 s.
   */
  public static ReadModelConfig defaults() {
    return new ReadModelConfig(
        Duration.ofSeconds(90),
        MAX_BATCH_SIZE,
        Duration.ofHours(1),
        Duration.ofSeconds(30),
        BrokerConnections.PULL_EXPIRY);
  }
}
