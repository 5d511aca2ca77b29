package dev.gamingapi.server.broker;

import io.nats.client.Connection;

/**
 * A hold on the platform's one connection inside a tenant account, shared by the read models, the
 * notifications and the command tracking of that tenant; closing the hold releases it, and the
 * connection closes with the last one.
 */
public interface TenantLink extends AutoCloseable {
  /** What a holder hears of the shared connection (on a jnats thread; must not block). */
  interface Listener {
    /** A pull consumer on the connection stopped answering or had its pulls refused. */
    default void consumerTrouble() {}

    /** The connection is back after a loss, its subscriptions registered again. */
    default void resubscribed() {}
  }

  /** Opens holds on a tenant's shared connection. */
  @FunctionalInterface
  interface Opener {
    /**
     * A hold on {@code account}'s connection, opened if nobody holds it yet.
     *
     * @throws BrokerException when the broker cannot be reached
     */
    TenantLink open(String account, Listener listener);
  }

  /** The connection, open (or reconnecting by itself) as long as the hold is. */
  Connection connection();

  /** Releases the hold; the last one closes the connection. */
  @Override
  void close();
}
