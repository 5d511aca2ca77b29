package dev.gamingapi.server.broker;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a parked consumer waits on: the next message published on its tenant's subjects, or a signal
 * from the platform (a reconnection, a stop).
 *
 * <p>A pull waiting on the broker costs a heartbeat every 30 s and a new pull at its expiry, on
 * both sides; with three consumers per tenant, ten thousand idle tenants made a thousand heartbeats
 * a second. So a consumer whose tenant has been idle for a while stops pulling and listens instead:
 * a plain subscription, which costs nothing until something is published. It never carries the
 * events themselves (the consumer pulls them once awake); it only says that one came. Whatever was
 * published before the broker held the subscription is seen by the check the consumer makes after
 * {@link #listen} returns (its consumer's pending count).
 */
public final class Wake implements AutoCloseable {
  private static final Duration FLUSH = Duration.ofSeconds(5);

  private final Semaphore signals = new Semaphore(0);
  private final Connection connection;
  private Dispatcher dispatcher;

  /** A wake for a consumer on {@code connection}, not listening yet. */
  public Wake(Connection connection) {
    this.connection = connection;
  }

  /**
   * Listens on {@code subjects} of the connection's account and returns once the broker holds the
   * subscriptions, so that anything published from then on wakes the waiter.
   *
   * @throws BrokerException when the broker does not confirm the subscriptions in time
   */
  public Wake listen(List<String> subjects) throws InterruptedException {
    dispatcher = connection.createDispatcher(message -> signal());
    subjects.forEach(dispatcher::subscribe);
    try {
      connection.flush(FLUSH);
    } catch (TimeoutException e) {
      throw new BrokerException("the broker did not confirm a subscription to " + subjects, e);
    }
    return this;
  }

  /** Wakes the waiter (or the next one to wait); safe from any thread. */
  public void signal() {
    signals.release();
  }

  /** Waits for a message or a signal, at most {@code max}; answers whether one came. */
  public boolean await(Duration max) throws InterruptedException {
    boolean woken = signals.tryAcquire(Math.max(0, max.toNanos()), TimeUnit.NANOSECONDS);
    signals.drainPermits();
    return woken;
  }

  /** Stops listening; messages already on their way are dropped with the subscription. */
  @Override
  public void close() {
    Dispatcher listening = dispatcher;
    dispatcher = null;
    if (listening != null && connection.getStatus() != Connection.Status.CLOSED) {
      connection.closeDispatcher(listening);
    }
  }
}
