package dev.gamingapi.server.broker;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.support.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's own connections to the broker, with errors reported through SLF4J. */
public final class BrokerConnections {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerConnections.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /**
   * Added at random to jnats's 2 s between reconnection attempts (its default adds up to 100 ms):
   * the thousands of tenant connections of a node lose the broker at the same moment, and with the
   * default they kept trying in step, reaching a restarted broker within the same 100 ms.
   */
  private static final Duration RECONNECT_JITTER = Duration.ofSeconds(2);

  /**
   * The threads of every connection of the platform. jnats gives each connection pools of its own
   * by default (reader, writer, dispatchers, callbacks, connect), about six platform threads per
   * connection: with three connections per tenant, a thousand tenants meant 19,000 threads and 3.5
   * GiB of resident memory, and a close that took minutes. Reading and writing block on a socket,
   * which a virtual thread does without holding a carrier, so one virtual-thread executor serves
   * them all. Callbacks lose the order a single thread per connection gave them; ours only log.
   */
  private static final ExecutorService THREADS =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gamingapi-nats-", 0).factory());

  /**
   * The timers of every connection (pings, pull expiries, heartbeat checks): short tasks that one
   * or two threads run for thousands of connections. Idle threads end, so a stopped platform leaves
   * none behind.
   */
  private static final ScheduledExecutorService TIMERS = timers();

  /**
   * The read and write buffers of each connection. jnats's 64 KiB default held 144 KiB of heap per
   * connection, 430 MiB for a thousand tenants; the platform's messages are events and commands of
   * a few KiB, and a larger message still passes, in several reads.
   */
  private static final int BUFFER_BYTES = 16 * 1024;

  /**
   * How long each pull of the platform's consumers waits on the broker: jnats sends the next pull
   * before it expires, and the broker sends a heartbeat every half of it (at most 30 s) while
   * nothing comes. Its 30 s default meant a heartbeat every 15 s for each of three consumers per
   * tenant, the largest idle cost left with thousands of tenants.
   */
  public static final Duration PULL_EXPIRY = Duration.ofSeconds(60);

  private BrokerConnections() {}

  /**
   * Connects to {@code url} as {@code auth}; {@code reconnect} for long-lived connections, which
   * then survive a broker restart.
   *
   * @throws BrokerException naming the URL and the connection when the broker cannot be reached
   */
  public static Connection connect(String url, AuthHandler auth, String name, boolean reconnect) {
    return connect(url, auth, name, reconnect, () -> {}, () -> {});
  }

  /**
   * Connects like {@link #connect(String, AuthHandler, String, boolean)}, and calls (on a jnats
   * thread; they must not block) {@code onConsumerTrouble} when a pull consumer of this connection
   * stops answering (missed heartbeats) or its pulls are refused, e.g. because it was deleted: the
   * signal to look at it, instead of asking the broker about it on a timer; and {@code
   * onResubscribed} once the connection is back after a loss and its subscriptions are registered
   * again: a parked consumer ({@link Wake}) missed whatever was published while it was away, and
   * looks again.
   */
  public static Connection connect(
      String url,
      AuthHandler auth,
      String name,
      boolean reconnect,
      Runnable onConsumerTrouble,
      Runnable onResubscribed) {
    Options options =
        Options.builder()
            .server(url)
            .authHandler(auth)
            .connectionName(name)
            .connectionTimeout(TIMEOUT)
            .maxReconnects(reconnect ? -1 : 0)
            .reconnectJitter(RECONNECT_JITTER)
            .executor(THREADS)
            .callbackExecutor(THREADS)
            .connectExecutor(THREADS)
            .scheduledExecutor(TIMERS)
            .bufferSize(BUFFER_BYTES)
            .connectionListener(
                (connection, event) -> {
                  if (event == ConnectionListener.Events.RESUBSCRIBED) {
                    onResubscribed.run();
                  }
                })
            .errorListener(
                new ErrorListener() {
                  @Override
                  public void errorOccurred(Connection connection, String error) {
                    LOG.warn("{}: broker error: {}", name, error);
                  }

                  @Override
                  public void heartbeatAlarm(
                      Connection connection,
                      JetStreamSubscription subscription,
                      long lastStreamSequence,
                      long lastConsumerSequence) {
                    LOG.debug("{}: consumer heartbeats missed", name);
                    onConsumerTrouble.run();
                  }

                  @Override
                  public void pullStatusError(
                      Connection connection, JetStreamSubscription subscription, Status status) {
                    LOG.debug("{}: pull refused: {}", name, status);
                    onConsumerTrouble.run();
                  }

                  @Override
                  public void pullStatusWarning(
                      Connection connection, JetStreamSubscription subscription, Status status) {
                    LOG.debug("{}: pull warning: {}", name, status);
                    onConsumerTrouble.run();
                  }

                  @Override
                  public void exceptionOccurred(Connection connection, Exception exception) {
                    // Expected while the broker restarts; the connection reconnects by itself.
                    LOG.info("{}: {}", name, exception.toString());
                  }
                })
            .build();
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      throw new BrokerException("cannot connect to the broker at " + url + " as " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while connecting to " + url, e);
    }
  }

  private static ScheduledExecutorService timers() {
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(
            2, Thread.ofPlatform().name("gamingapi-nats-timer-", 0).daemon().factory());
    timers.setRemoveOnCancelPolicy(true);
    timers.setKeepAliveTime(1, TimeUnit.SECONDS);
    timers.allowCoreThreadTimeOut(true);
    return timers;
  }

  /**
   * Closes {@code connection} to the end, keeping the interrupt flag.
   *
   * <p>jnats stops half way through {@code close()} on a thread that is interrupted, leaving the
   * connection's executor threads (not daemons) running; so the close runs with the flag cleared
   * and the flag is set again afterwards.
   */
  public static void closeQuietly(Connection connection) {
    boolean interrupted = Thread.interrupted();
    try {
      connection.close();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
