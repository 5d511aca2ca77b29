package dev.gamingapi.server.readmodel;

import java.time.Duration;

/**
 * Settings of the read models.
 *
 * @param unresponsiveAfter how long a server may stay silent (no event at all, heartbeats included)
 *     before it counts as unresponsive and its sessions close
 * @param batchSize the most events applied in one transaction
 */
public record ReadModelConfig(Duration unresponsiveAfter, int batchSize) {
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
  }

  /**
   * 90 s to unresponsive, batches of up to 5,000 events (a batch reads and writes each row it
   * touches once, so bigger batches fold more events into one write; under a steady flow batches
   * stay far smaller, see TenantConsumer).
   */
  public static ReadModelConfig defaults() {
    return new ReadModelConfig(Duration.ofSeconds(90), MAX_BATCH_SIZE);
  }
}
