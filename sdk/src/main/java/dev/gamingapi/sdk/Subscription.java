package dev.gamingapi.sdk;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;

/**
 * A live subscription made by {@link EventReader#subscribe}: events are handed to the handler on
 * one thread, in stream order, until {@link #close()}.
 */
public final class Subscription implements AutoCloseable {
  private final Connection connection;
  private final Dispatcher dispatcher;
  private final LiveHandler handler;

  Subscription(Connection connection, Dispatcher dispatcher, LiveHandler handler) {
    this.connection = connection;
    this.dispatcher = dispatcher;
    this.handler = handler;
  }

  /** The stream sequence of the last event handed over (or skipped by the filter), 0 before any. */
  public long lastSequence() {
    return handler.lastSequence();
  }

  /** Stops delivery and removes the consumer. */
  @Override
  public void close() {
    if (connection.getStatus() != Connection.Status.CLOSED) {
      connection.closeDispatcher(dispatcher);
    }
  }
}
