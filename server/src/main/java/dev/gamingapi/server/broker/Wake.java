package dev.gamingapi.server.broker;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.StreamContext;
import io.nats.client.api.ConsumerInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Where a parked consumer waits (see {@link PullPolicy}): for the next message published on its
 * tenant's subjects, or a signal from the platform (a reconnection, a stop).
 *
 * <p>While parked, the consumer holds a plain subscription to the subjects instead of a pull: it
 * costs nothing until something is published. It never carries the events themselves (the consumer
 * pulls them once awake); it only says that one came. Whatever was published before the broker held
 * the subscription shows in the consumer's pending count, which {@link #park} asks after.
 */
public final class Wake {
  private static final Duration FLUSH = Duration.ofSeconds(5);

  private final Semaphore signals = new Semaphore(0);
  private volatile boolean parked;

  /** How many messages wait for the consumer (pending plus delivered and not acked). */
  @FunctionalInterface
  public interface Backlog {
    long count() throws Exception;

    /** The backlog of durable {@code consumer} on {@code stream}, as the broker reports it. */
    static Backlog of(StreamContext stream, String consumer) {
      return () -> {
        ConsumerInfo info = stream.getConsumerInfo(consumer);
        return info.getNumPending() + info.getNumAckPending();
      };
    }
  }

  /**
   * Parks: listens on {@code subjects} of {@code connection}'s account and, unless {@code backlog}
   * is not empty by then or {@code stopping} says so, waits for a message, a {@link #signal} or
   * {@code max}, whichever comes first; stops listening before it returns.
   *
   * @throws BrokerException when the broker does not confirm the subscription in time
   */
  public void park(
      Connection connection,
      List<String> subjects,
      Backlog backlog,
      BooleanSupplier stopping,
      Duration max)
      throws Exception {
    parked = true;
    signals.drainPermits(); // a signal before this park is answered by the checks below
    Dispatcher dispatcher = connection.createDispatcher(message -> signals.release());
    try {
      if (stopping.getAsBoolean()) {
        return;
      }
      subjects.forEach(dispatcher::subscribe);
      try {
        connection.flush(FLUSH);
      } catch (TimeoutException e) {
        throw new BrokerException("the broker did not confirm a subscription to " + subjects, e);
      }
      if (stopping.getAsBoolean() || backlog.count() > 0) {
        return;
      }
      signals.tryAcquire(Math.max(0, max.toNanos()), TimeUnit.NANOSECONDS);
    } finally {
      parked = false;
      if (connection.getStatus() != Connection.Status.CLOSED) {
        connection.closeDispatcher(dispatcher);
      }
    }
  }

  /** Wakes the parked consumer, if it is; safe from any thread. */
  public void signal() {
    signals.release();
  }

  /** Whether the consumer is parked now. */
  public boolean parked() {
    return parked;
  }
}
