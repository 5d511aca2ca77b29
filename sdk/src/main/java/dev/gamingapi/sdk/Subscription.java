package dev.gamingapi.sdk;

import java.util.function.LongSupplier;

/**
 * A live subscription made by {@link EventReader#subscribe} or {@link SharedEventReader#subscribe}:
 * events are handed to the handler on one thread, in stream order, until {@link #close()}.
 */
public final class Subscription implements AutoCloseable {
  private final Runnable stop;
  private final LongSupplier lastSequence;

  Subscription(Runnable stop, LongSupplier lastSequence) {
    this.stop = stop;
    this.lastSequence = lastSequence;
  }

  /** The stream sequence of the last event handed over (or skipped by the filter), 0 before any. */
  public long lastSequence() {
    return lastSequence.getAsLong();
  }

  /** Stops delivery and removes the consumer. */
  @Override
  public void close() {
    stop.run();
  }
}
