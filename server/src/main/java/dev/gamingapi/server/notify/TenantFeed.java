package dev.gamingapi.server.notify;

import dev.gamingapi.contract.command.PlatformConsumers;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.TenantLink;
import dev.gamingapi.server.broker.Wake;
import dev.gamingapi.server.cluster.TenantStart;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications of one tenant: its durable consumer {@value #CONSUMER} on {@code EVENTS}, read
 * with {@code iterate()} and explicit acks (never fetch plus ack-all, which can lose an event), and
 * one {@link RuleWorker} per rule. An event is acked only when every rule it matched has delivered
 * it or given up on it; until then its ack wait is extended, so the broker never hands it out
 * twice. After a restart the consumer hands back what was not acked, and each rule skips what it
 * had already handled.
 */
final class TenantFeed implements AutoCloseable {
  /** The durable consumer's name in every tenant account. */
  static final String CONSUMER = PlatformConsumers.NOTIFY;

  private static final Logger LOG = LoggerFactory.getLogger(TenantFeed.class);
  // Short, and extended every third of it while an event is in delivery: an event left unacked by
  // a stop without naks (a crash, or the embedded broker stopping with the platform, which forgets
  // naks) comes back this soon after the next start.
  private static final Duration ACK_WAIT = Duration.ofSeconds(10);
  private static final int CONSUMER_NOT_FOUND = 10014;
  // Longer than a connect attempt (5 s) plus a poll (1 s).
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final String account;
  private final TenantLink.Opener links;
  private final Supplier<List<Rule>> rules;
  private final RuleWorkerFactory workers;
  private final HeartbeatWatch heartbeats;
  private final PullPolicy pulls;
  private final Wake wake = new Wake();
  private final DeliverPolicy start;
  private final Map<String, RuleWorker> byRule = new ConcurrentHashMap<>();
  private final Map<Long, Message> pending = new ConcurrentHashMap<>();
  // Wakes the reading thread from its backoff at close. The thread is never interrupted: jnats
  // leaves the threads of a connection behind when its connect or close is interrupted.
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection connection;

  /** Makes the worker of a rule. */
  interface RuleWorkerFactory {
    RuleWorker start(Rule rule);
  }

  TenantFeed(
      String account,
      TenantLink.Opener links,
      Supplier<List<Rule>> rules,
      RuleWorkerFactory workers,
      Duration heartbeatTimeout,
      PullPolicy pulls,
      Clock clock,
      TenantStart tenantStart) {
    this.pulls = pulls;
    this.account = account;
    this.links = links;
    this.rules = rules;
    this.workers = workers;
    this.heartbeats = new HeartbeatWatch(heartbeatTimeout, clock);
    // Where a consumer created now starts (a durable one keeps its place after that): a new
    // tenant's log is read from its first event, so none published before the consumer exists is
    // missed; an existing tenant's from new events, so that its history is not sent out at once.
    this.start = tenantStart == TenantStart.FRESH ? DeliverPolicy.All : DeliverPolicy.New;
    reload();
    this.thread = Thread.ofVirtual().name("notify-feed-" + account).start(this::run);
  }

  /** Brings the workers in line with the saved rules. */
  synchronized void reload() {
    List<Rule> saved = rules.get();
    List<String> ids = new ArrayList<>();
    for (Rule rule : saved) {
      ids.add(rule.id());
      RuleWorker worker = byRule.get(rule.id());
      if (worker == null) {
        byRule.put(rule.id(), workers.start(rule));
      } else {
        worker.adopt(rule);
      }
    }
    byRule.keySet().removeIf(id -> !ids.contains(id) && stop(byRule.get(id)));
  }

  private static boolean stop(RuleWorker worker) {
    worker.stop(true);
    return true;
  }

  private void run() {
    TenantLink link;
    try {
      link = links.open(account, new Reconnected());
    } catch (RuntimeException e) {
      LOG.error("notifications of account {} not started: {}", account, e.toString());
      return;
    }
    try (link) {
      consumeUntilClosed(link);
    } finally {
      connection = null;
    }
  }

  /** Wakes a parked feed to look again when the tenant's connection is back after a loss. */
  private final class Reconnected implements TenantLink.Listener {
    @Override
    public void resubscribed() {
      wake.signal();
    }
  }

  private void consumeUntilClosed(TenantLink link) {
    long backoff = 500;
    while (!closed) {
      try {
        connection = link.connection();
        consume();
        backoff = 500;
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (closed) {
          return;
        }
        LOG.warn("notifications of account {}: {}; retrying", account, e.toString());
        try {
          if (closing.await(backoff, TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException ie) {
          return;
        }
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  private void consume() throws Exception {
    ConsumerConfiguration config =
        ConsumerConfiguration.builder()
            .durable(CONSUMER)
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(start)
            .ackWait(ACK_WAIT)
            .maxAckPending(1000)
            .build();
    StreamContext stream = connection.getStreamContext(EventStreamSpec.NAME);
    ConsumerContext context;
    try {
      context = stream.getConsumerContext(CONSUMER); // an existing one keeps its place as it is
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
        throw e;
      }
      context = stream.createOrUpdateConsumer(config);
    }
    long lastTouch = System.nanoTime();
    long busyAt = System.nanoTime();
    IterableConsumer consumer = pull(context);
    try {
      while (!closed) {
        Message message = consumer.nextMessage(Duration.ofSeconds(1));
        if (message != null) {
          handle(message);
          busyAt = System.nanoTime();
        } else if (consumer.isFinished()) {
          // Stopped for idleness below, and its last pull is over.
          park(stream);
          consumer = pull(context);
          busyAt = System.nanoTime();
        } else if (!consumer.isStopped()
            && pending.isEmpty()
            && !heartbeats.watching()
            && System.nanoTime() - busyAt > pulls.parkAfter().toNanos()) {
          // Nothing in delivery and no server to watch for silence: nothing to do until the
          // tenant publishes again. What the waiting pull still brings is read above.
          consumer.stop();
        }
        for (NotifyEvent event : heartbeats.due()) {
          dispatch(event);
        }
        if (System.nanoTime() - lastTouch > ACK_WAIT.toNanos() / 3) {
          // Events still being delivered (an endpoint down) keep their place: no redelivery.
          pending.values().forEach(Message::inProgress);
          lastTouch = System.nanoTime();
        }
      }
    } finally {
      try {
        consumer.close();
      } catch (Exception e) {
        // the connection closes next anyway
      }
    }
  }

  private IterableConsumer pull(ConsumerContext context) throws IOException, JetStreamApiException {
    return context.iterate(ConsumeOptions.builder().expiresIn(pulls.expiry().toMillis()).build());
  }

  /**
   * Waits, holding no pull on the broker, until the tenant publishes again, the platform asks the
   * feed to look again (a reconnection) or stop, or an hour has passed.
   */
  private void park(StreamContext stream) throws Exception {
    LOG.debug("notifications of account {}: idle, parking", account);
    wake.park(
        connection,
        EventStreamSpec.SUBJECTS,
        Wake.Backlog.of(stream, CONSUMER),
        () -> closed,
        Duration.ofHours(1));
  }

  private void handle(Message message) {
    long seq = message.metaData().streamSequence();
    if (pending.putIfAbsent(seq, message) != null) {
      return; // handed out again while still in delivery; the first copy's ack covers it
    }
    NotifyEvent event = NotifyEvent.from(message, seq);
    if (event == null) {
      finish(seq);
      return;
    }
    heartbeats.saw(event);
    List<CompletableFuture<Void>> done = dispatch(event);
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).thenRun(() -> finish(seq));
  }

  private List<CompletableFuture<Void>> dispatch(NotifyEvent event) {
    List<CompletableFuture<Void>> done = new ArrayList<>();
    for (RuleWorker worker : byRule.values()) {
      if (worker.wants(event)) {
        done.add(worker.submit(event));
      }
    }
    return done;
  }

  private void finish(long seq) {
    Message message = pending.remove(seq);
    if (message != null) {
      message.ack();
    }
  }

  /**
   * Stops reading and delivering and waits for the reading thread to end; what was not acked comes
   * back at the next start.
   */
  @Override
  public void close() {
    stop();
    awaitStopped();
  }

  /**
   * Asks the feed to stop without waiting, so that many feeds stop together: the reading thread
   * sees the flag within a second (its poll, or at once when parked) and lets go of the tenant's
   * connection.
   */
  void stop() {
    closed = true;
    closing.countDown();
    wake.signal();
    byRule.values().forEach(worker -> worker.stop(false));
    Connection c = connection;
    if (c != null && !pending.isEmpty()) {
      // Handed back in stream order, before the reading thread closes the connection, so that
      // the next start gets them at once rather than after their ack wait, and in the order each
      // rule must deliver them. Only then a flush: feeds stop one after the other, and a round
      // trip for each of 10,000 idle tenants was seconds of the platform's stop.
      new TreeMap<>(pending).values().forEach(Message::nak);
      try {
        c.flush(Duration.ofSeconds(1));
      } catch (Exception e) {
        // the naks are a courtesy: without them the events come back after their ack wait
      }
    }
  }

  /** Waits for the reading thread that {@link #stop()} ended. */
  void awaitStopped() {
    try {
      if (!thread.join(STOP_TIMEOUT)) {
        LOG.warn("notifications of account {} did not stop within {}", account, STOP_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
