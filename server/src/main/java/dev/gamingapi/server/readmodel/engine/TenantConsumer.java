package dev.gamingapi.server.readmodel.engine;

import dev.gamingapi.contract.command.PlatformConsumers;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.TenantLink;
import dev.gamingapi.server.broker.Wake;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable consumer of one tenant's {@code EVENTS} stream, on a thread of its own. The database
 * position is the truth: each time it starts consuming (also after an error or a gap) the durable
 * is created again to deliver from the position + 1, so nothing waits for an ack timeout after a
 * crash. Messages come through {@code iterate()} (continuous pull, not fetch), are applied in
 * batches and acked after the batch's commit with one ack-all on its last message; a gap in the
 * consumer sequence (a message delivered but lost to the application) makes it start again from the
 * stored position rather than ack past it, so an ack-all never covers a message the application did
 * not get.
 *
 * <p>A tenant idle for a while (parkAfter) parks: its consumer stops pulling once its last pull is
 * over and waits on a {@link Wake} until the tenant publishes again, so that thousands of idle
 * tenants hold no pulls (and get no heartbeats) on the broker.
 */
public final class TenantConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TenantConsumer.class);

  /** The durable consumer's name in every tenant. */
  public static final String DURABLE = PlatformConsumers.READ_MODELS;

  /**
   * How long a read waits for the next event before looking at the time (renewal, lag, stop): one
   * wake-up a second per idle tenant, where every 250 ms was four thousand a second for a thousand
   * tenants.
   */
  private static final Duration WAIT = Duration.ofSeconds(1);

  private static final Duration PARKED_AT_MOST = Duration.ofHours(1);
  private static final Duration LINGER = Duration.ofMillis(5);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration LAG_CHECK = Duration.ofSeconds(2);

  private final String account;
  private final TenantLink.Opener links;
  private final int batchSize;
  private final PullPolicy pulls;
  private final Applier applier;
  private final Backfill backfill;
  private final Executor writers;
  private final AtomicLong lag = new AtomicLong();
  private final CountDownLatch prepared = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private final Wake wake = new Wake();

  /**
   * @param links the tenant's connection, shared with the platform's other work in it
   * @param pulls how it pulls, and when it parks on a {@link Wake}
   * @param backfill backfills the boards defined since the consumer last ran, before it consumes
   * @param writers the threads that write batches (shared by the tenants: a consumer has at most
   *     one batch written at a time)
   */
  public TenantConsumer(
      String account,
      TenantLink.Opener links,
      int batchSize,
      PullPolicy pulls,
      Applier applier,
      Backfill backfill,
      Executor writers) {
    this.account = account;
    this.links = links;
    this.batchSize = batchSize;
    this.pulls = pulls;
    this.applier = applier;
    this.backfill = backfill;
    this.writers = writers;
    this.thread =
        Thread.ofPlatform().name("gamingapi-readmodel-" + account).daemon().unstarted(this::run);
  }

  /** Starts consuming. */
  public TenantConsumer start() {
    thread.start();
    return this;
  }

  /**
   * Waits until the consumer has backfilled the boards that were pending when it started (and is
   * about to consume), at most {@code timeout}; answers whether it has.
   */
  public boolean awaitPrepared(Duration timeout) throws InterruptedException {
    return prepared.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether the consumer is parked: caught up and idle, holding no pull on the broker. */
  public boolean parked() {
    return wake.parked();
  }

  /** Events in the stream not applied yet, as of the last delivered message. */
  public long lag() {
    return lag.get();
  }

  private void run() {
    TenantLink link;
    try {
      link = links.open(account, new Reconnected());
    } catch (RuntimeException e) {
      LOG.error("read models of {} not started: {}", account, e.toString());
      return;
    }
    try (link) {
      while (running) {
        try {
          consume(link.connection());
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          if (!running) {
            return;
          }
          LOG.warn("read models of {}: {}; again in {}", account, e.toString(), RETRY);
          try {
            Thread.sleep(RETRY);
          } catch (InterruptedException stop) {
            return;
          }
        }
      }
    }
  }

  /** Wakes the consumer to look again when the tenant's connection is back after a loss. */
  private final class Reconnected implements TenantLink.Listener {
    @Override
    public void resubscribed() {
      lookAgain();
    }
  }

  // Consumes until a gap in the consumer's sequence, an error or the stop; each time it starts, the
  // durable is made again from the database's position.
  private void consume(Connection connection) throws Exception {
    StreamContext stream = connection.getStreamContext(EventStreamSpec.NAME);
    long position = applier.position(account);
    backfill.run(account, stream, position);
    prepared.countDown();
    recreate(stream, position);
    refreshLag(stream);
    long lagCheckedAt = System.nanoTime();
    long busyAt = System.nanoTime();
    // One batch is written (on a writer thread) while the next is read and decoded here.
    Writing writing = Writing.NONE;
    IterableConsumer messages = pull(stream);
    try {
      long expected = 1; // consumer sequences of a new consumer start at 1
      while (running) {
        Message first = messages.nextMessage(WAIT);
        if (first == null) {
          if (messages.isFinished()) {
            // Stopped for idleness below, and its last pull is over: nothing is in flight.
            writing.await();
            park(connection, stream);
            if (!running) {
              break;
            }
            messages = pull(stream);
            busyAt = System.nanoTime();
          } else if (lag.get() > 0) {
            // Asked only while behind: a caught-up tenant's next event comes through the pull
            // that is waiting, and asking every idle tenant's broker on a timer was most of an
            // idle platform's work with thousands of tenants.
            if (System.nanoTime() - lagCheckedAt > LAG_CHECK.toNanos()) {
              writing.await();
              refreshLag(stream);
              lagCheckedAt = System.nanoTime();
            }
          } else if (System.nanoTime() - busyAt > pulls.parkAfter().toNanos()) {
            // No new pull from now on; what the waiting one brings is still read here.
            messages.stop();
          }
          continue;
        }
        busyAt = System.nanoTime();
        List<Message> batch = collect(messages, first, writing);
        List<RawEvent> raws = new ArrayList<>(batch.size());
        boolean gap = false;
        long pending = 0;
        for (Message message : batch) {
          Delivery delivery = Delivery.of(message);
          long consumerSeq = delivery.consumerSeq();
          if (consumerSeq != expected) {
            // Apply what came in order, then start over from the database's position.
            LOG.warn(
                "read models of {}: consumer sequence {} where {} was due; starting over",
                account,
                consumerSeq,
                expected);
            gap = true;
            break;
          }
          expected++;
          raws.add(raw(message, delivery.streamSeq()));
          pending = delivery.pending();
        }
        writing = write(writing, raws, batch.subList(0, raws.size()), pending);
        if (gap) {
          writing.await();
          return;
        }
      }
      writing.await();
    } finally {
      writing.awaitQuietly();
      closeQuietly(messages);
    }
  }

  private IterableConsumer pull(StreamContext stream) throws IOException, JetStreamApiException {
    return stream
        .getConsumerContext(DURABLE)
        .iterate(
            ConsumeOptions.builder()
                .batchSize(batchSize)
                .expiresIn(pulls.expiry().toMillis())
                .build());
  }

  /**
   * Waits, holding no pull on the broker, until the tenant publishes again, the platform asks it to
   * look again (a reconnection) or stop, or an hour has passed.
   */
  private void park(Connection connection, StreamContext stream) throws Exception {
    LOG.debug("read models of {}: idle, parking", account);
    wake.park(
        connection,
        EventStreamSpec.SUBJECTS,
        Wake.Backlog.of(stream, DURABLE),
        () -> !running,
        PARKED_AT_MOST);
  }

  private static void closeQuietly(IterableConsumer messages) {
    try {
      messages.close();
    } catch (Exception e) {
      // its connection closes next anyway
    }
  }

  /** Wakes a parked consumer to look at its stream again (after a reconnection). */
  private void lookAgain() {
    wake.signal();
  }

  /**
   * The batch that begins with {@code first}: the messages that follow within a millisecond of each
   * other, up to the batch size, and no longer than {@link #LINGER} once the previous batch is
   * written. Without that bound a steady flow (5,000 events a second: one every 0.2 ms) kept a
   * batch open until it was full, 400 ms of events, and an event waited that long before its write
   * began; a batch still grows while the previous one is being written, since it could not be
   * written sooner anyway.
   */
  private List<Message> collect(IterableConsumer messages, Message first, Writing writing)
      throws InterruptedException, JetStreamStatusCheckedException {
    List<Message> batch = new ArrayList<>(batchSize);
    batch.add(first);
    long lingerEnd = System.nanoTime() + LINGER.toNanos();
    Message next;
    while (batch.size() < batchSize
        && (System.nanoTime() < lingerEnd || !writing.done().isDone())
        && (next = messages.nextMessage(1)) != null) {
      batch.add(next);
    }
    return batch;
  }

  /**
   * The write of a batch on a writer thread: its commit, then the ack-all on its last message; it
   * starts once the write before it ({@code before}) is done, and never if that one failed. A
   * failed write makes the consumer start over from the database's position.
   */
  private record Writing(CompletableFuture<?> done, CompletableFuture<?> before) {
    static final Writing NONE =
        new Writing(
            CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(null));

    /** Waits for the write; its failure (or that of a write before it) is thrown here. */
    void await() throws InterruptedException {
      await(done);
    }

    /** Waits for the write before this one. */
    void awaitBefore() throws InterruptedException {
      await(before);
    }

    private static void await(Future<?> write) throws InterruptedException {
      try {
        write.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    /** Waits for the write, whatever becomes of it (on the way out after another failure). */
    void awaitQuietly() {
      try {
        done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // thrown by await() on the normal way; here another failure is already on its way up
      }
    }
  }

  // Decodes the batch here and queues its write behind the previous one's (in order: ack-all
  // covers every earlier message), so that a writer thread goes from one to the next without
  // waiting for this thread; at most two batches are in hand, the one being written and this one
  // (the consumer waits for the write before the previous). pending: the messages not delivered
  // yet when the batch's last one was.
  private Writing write(Writing previous, List<RawEvent> raws, List<Message> messages, long pending)
      throws InterruptedException {
    if (raws.isEmpty()) {
      return previous;
    }
    List<Applier.Decoded> decoded = Applier.decode(raws);
    previous.awaitBefore();
    Message last = messages.get(messages.size() - 1);
    long storedMs = Delivery.storedMillis(last);
    lag.set(pending + raws.size());
    return new Writing(
        previous
            .done()
            .thenRunAsync(
                () -> {
                  applier.applyDecoded(account, decoded, storedMs);
                  // Ack-all on the batch's last message: safe because the batch has no gap in
                  // consumer sequences (checked as it was read), and one ack instead of thousands
                  // spares the broker and the client.
                  last.ack();
                  lag.set(pending);
                },
                writers),
        previous.done());
  }

  // Between deliveries, the lag is what the consumer has not delivered or not had acked yet (the
  // stream's last sequence minus the position would count messages deleted from the log).
  private void refreshLag(StreamContext stream) throws IOException, JetStreamApiException {
    ConsumerInfo info = stream.getConsumerInfo(DURABLE);
    lag.set(info.getNumPending() + info.getNumAckPending());
  }

  private static void recreate(StreamContext stream, long position)
      throws IOException, JetStreamApiException {
    try {
      stream.deleteConsumer(DURABLE);
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() != 404) {
        throw e;
      }
    }
    ConsumerConfiguration.Builder config =
        ConsumerConfiguration.builder()
            .durable(DURABLE)
            .ackPolicy(AckPolicy.All)
            .ackWait(Duration.ofMinutes(2))
            // Two batches in hand and one buffered by iterate() (ReadModelConfig.MAX_BATCH_SIZE).
            .maxAckPending(20_000);
    if (position == 0) {
      config.deliverPolicy(DeliverPolicy.All);
    } else {
      config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(position + 1);
    }
    stream.createOrUpdateConsumer(config.build());
  }

  static RawEvent raw(Message message, long streamSeq) {
    byte[] body = message.getData() == null ? new byte[0] : message.getData();
    return new RawEvent(
        streamSeq, message.getSubject(), new FirstValues(message.getHeaders()), body);
  }

  /**
   * Asks the consumer to stop without waiting, so that many tenants stop together: its thread sees
   * the flag within {@link #WAIT}, or at once when parked. Stopped one after the other, a thousand
   * tenants took minutes.
   */
  public void stop() {
    running = false;
    lookAgain();
  }

  /** Stops consuming and waits for the batch in hand to finish. */
  @Override
  public void close() {
    stop();
    try {
      thread.join(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
    }
  }
}
