package dev.gamingapi.server.broker;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.StreamContext;
import io.nats.client.api.ConsumerInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a parked consumer waits (see {@link PullPolicy}): for the next message published on its
 * tenant's subjects, or a signal from the platform (a reconnection, a stop).
 *
 * <p>While parked, the consumer holds a plain subscription to the subjects instead of a pull: it
 * costs nothing until something is published. It never carries the events themselves (the consumer
 * pulls them once awake); it only says that one came. Whatever was published before the broker held
 * the subscription shows in the consumer's pending count, which {@link #park} asks after: that
 * request goes out on the same connection after the subscription, and a server handles a
 * connection's messages in order, so no flush (a round trip that timed out by the hundred when
 * 10,000 tenants parked at once) is needed for the subscription to be in place first.
 *
 * <p>A park that fails (the backlog request timing out on a busy broker, a connection lost) is not
 * an error of the consumer: {@link #park} returns and the consumer pulls again, to try parking
 * after its next idle period. Restarting the consumer instead, as it once did, turned a busy broker
 * into more work for it.
 */
public final class Wake {
  private static final Logger LOG = LoggerFactory.getLogger(Wake.class);

  /**
   * When a parked consumer looks at its backlog a second time. A message the broker was storing
   * while the subscription was being set up can be missing from the first count without having
   * reached the subscription; by then the stream holds it.
   */
  static final Duration SECOND_LOOK = Duration.ofSeconds(2);

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
   * {@code max}, whichever comes first; stops listening before it returns. A park that cannot be
   * set up returns at once (the caller pulls again).
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public void park(
      Connection connection,
      List<String> subjects,
      Backlog backlog,
      BooleanSupplier stopping,
      Duration max)
      throws InterruptedException {
    parked = true;
    signals.drainPermits(); // a signal before this park is answered by the checks below
    Dispatcher dispatcher = null;
    try {
      if (stopping.getAsBoolean()) {
        return;
      }
      dispatcher = connection.createDispatcher(message -> signals.release());
      subjects.forEach(dispatcher::subscribe);
      if (stopping.getAsBoolean() || backlog.count() > 0) {
        return;
      }
      long deadline = System.nanoTime() + Math.max(0, max.toNanos());
      long first = Math.min(SECOND_LOOK.toNanos(), deadline - System.nanoTime());
      if (signals.tryAcquire(Math.max(0, first), TimeUnit.NANOSECONDS)
          || stopping.getAsBoolean()
          || backlog.count() > 0) {
        return;
      }
      signals.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      LOG.debug("a park on {} failed, pulling again: {}", subjects, e.toString());
    } finally {
      parked = false;
      if (dispatcher != null && connection.getStatus() != Connection.Status.CLOSED) {
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
