package dev.gamingapi.server.commands;

import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.Wake;
import io.nats.client.Connection;
import io.nats.client.MessageConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks a tenant's result tracker while no command result comes (see {@link PullPolicy}): most
 * tenants send commands rarely, and a tracker pulling all the time got a heartbeat every 30 s.
 *
 * <p>The tracker reads with a message handler, so it has no thread of its own to notice it is idle;
 * this one virtual thread per tenant does, sleeping but for a look every {@code parkAfter} while
 * results come, and not at all while parked.
 */
final class TrackerParking implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrackerParking.class);
  private static final Duration PARKED_AT_MOST = Duration.ofHours(1);

  /** What the parking needs of the tracker. */
  interface Tracker {
    /** Stops the tracker's pulls and answers its consumer, or null when it must not park now. */
    MessageConsumer stopIfIdle();

    /** Results waiting for the tracker (pending plus delivered and not acked). */
    long backlog() throws Exception;

    /** Consumes again with {@code stopped}'s successor, unless it was replaced meanwhile. */
    void resume(MessageConsumer stopped) throws Exception;
  }

  private final String account;
  private final Connection connection;
  private final List<String> subjects;
  private final PullPolicy pulls;
  private final Tracker tracker;
  private final Wake wake = new Wake();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;
  private volatile long lastResultAt = System.nanoTime();
  private volatile boolean closed;

  TrackerParking(
      String account, Connection connection, String subject, PullPolicy pulls, Tracker tracker) {
    this.account = account;
    this.connection = connection;
    this.subjects = List.of(subject);
    this.pulls = pulls;
    this.tracker = tracker;
    this.thread = Thread.ofVirtual().name("commands-parking-" + account).start(this::run);
  }

  /** A result came: the tracker is busy. */
  void saw() {
    lastResultAt = System.nanoTime();
  }

  /** Wakes a parked tracker to look again (after a reconnection). */
  void lookAgain() {
    wake.signal();
  }

  private void run() {
    try {
      while (!closed) {
        long quiet = System.nanoTime() - lastResultAt;
        if (quiet < pulls.parkAfter().toNanos()) {
          pause(pulls.parkAfter().toNanos() - quiet);
          continue;
        }
        MessageConsumer stopped = tracker.stopIfIdle();
        if (stopped == null) {
          pause(pulls.parkAfter().toNanos());
          continue;
        }
        // Its last pull runs out within the pull expiry; results it brings are still handled.
        while (!stopped.isFinished() && !closed) {
          pause(TimeUnit.SECONDS.toNanos(1));
        }
        LOG.debug("commands of {}: no result for a while, parking the tracker", account);
        // A park that fails returns at once: consuming again reports a broker away (pulls fail).
        wake.park(connection, subjects, tracker::backlog, () -> closed, PARKED_AT_MOST);
        if (!closed) {
          resume(stopped);
        }
        lastResultAt = System.nanoTime();
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  private void resume(MessageConsumer stopped) throws InterruptedException {
    try {
      tracker.resume(stopped);
    } catch (Exception e) {
      LOG.warn("commands of {}: the result tracker did not resume: {}", account, e.toString());
      pause(TimeUnit.SECONDS.toNanos(1));
    }
  }

  private void pause(long nanos) throws InterruptedException {
    if (closing.await(nanos, TimeUnit.NANOSECONDS)) {
      throw new InterruptedException("closing");
    }
  }

  @Override
  public void close() {
    closed = true;
    closing.countDown();
    wake.signal();
  }
}
