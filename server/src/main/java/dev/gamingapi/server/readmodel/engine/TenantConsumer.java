package dev.gamingapi.server.readmodel.engine;

import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.EventStreamSpec;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable consumer of one tenant's {@code EVENTS} stream, on a thread of its own. The database
 * position is the truth: at every (re)connection the durable is created again to deliver from the
 * position + 1, so nothing waits for an ack timeout after a crash. Messages come through {@code
 * iterate()} (continuous pull, not fetch), are applied in batches and acked after the batch's
 * commit with one ack-all on its last message; a gap in the consumer sequence (a message delivered
 * but lost to the application) makes it start again from the stored position rather than ack past
 * it, so an ack-all never covers a message the application did not get.
 */
public final class TenantConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TenantConsumer.class);

  /** The durable consumer's name in every tenant. */
  public static final String DURABLE = "gamingapi-readmodel";

  private static final Duration WAIT = Duration.ofMillis(250);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration LAG_CHECK = Duration.ofSeconds(2);

  private final String account;
  private final String url;
  private final Supplier<AuthHandler> credentials;
  private final Duration renewAfter;
  private final int batchSize;
  private final Applier applier;
  private final AtomicLong lag = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param credentials a fresh short-lived internal user of the tenant at each connection
   * @param renewAfter when to reconnect with fresh credentials (before they expire)
   */
  public TenantConsumer(
      String account,
      String url,
      Supplier<AuthHandler> credentials,
      Duration renewAfter,
      int batchSize,
      Applier applier) {
    this.account = account;
    this.url = url;
    this.credentials = credentials;
    this.renewAfter = renewAfter;
    this.batchSize = batchSize;
    this.applier = applier;
    this.thread =
        Thread.ofPlatform().name("gamingapi-readmodel-" + account).daemon().unstarted(this::run);
  }

  /** Starts consuming. */
  public TenantConsumer start() {
    thread.start();
    return this;
  }

  /** Events in the stream not applied yet, as of the last delivered message. */
  public long lag() {
    return lag.get();
  }

  private void run() {
    while (running) {
      try {
        consumeUntilRenewal();
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

  private void consumeUntilRenewal() throws Exception {
    long renewAt = System.nanoTime() + renewAfter.toNanos();
    Connection connection =
        BrokerConnections.connect(url, credentials.get(), "gamingapi-readmodel", true);
    try {
      StreamContext stream = connection.getStreamContext(EventStreamSpec.NAME);
      long position = applier.position(account);
      recreate(stream, position);
      refreshLag(stream);
      long lagCheckedAt = System.nanoTime();
      try (IterableConsumer messages =
          stream
              .getConsumerContext(DURABLE)
              .iterate(ConsumeOptions.builder().batchSize(batchSize * 2).build())) {
        long expected = 1; // consumer sequences of a new consumer start at 1
        while (running && System.nanoTime() < renewAt) {
          Message first = messages.nextMessage(WAIT);
          if (first == null) {
            if (System.nanoTime() - lagCheckedAt > LAG_CHECK.toNanos()) {
              refreshLag(stream);
              lagCheckedAt = System.nanoTime();
            }
            continue;
          }
          List<Message> batch = new ArrayList<>(batchSize);
          batch.add(first);
          Message next;
          while (batch.size() < batchSize && (next = messages.nextMessage(1)) != null) {
            batch.add(next);
          }
          List<RawEvent> raws = new ArrayList<>(batch.size());
          for (Message message : batch) {
            long consumerSeq = message.metaData().consumerSequence();
            if (consumerSeq != expected) {
              // Apply what came in order, then start over from the database's position.
              LOG.warn(
                  "read models of {}: consumer sequence {} where {} was due; starting over",
                  account,
                  consumerSeq,
                  expected);
              applyAndAck(raws, batch.subList(0, raws.size()));
              return;
            }
            expected++;
            raws.add(raw(message));
          }
          applyAndAck(raws, batch);
          lag.set(batch.get(batch.size() - 1).metaData().pendingCount());
        }
      }
    } finally {
      BrokerConnections.closeQuietly(connection);
    }
  }

  // Between deliveries, the lag is what the consumer has not delivered or not had acked yet (the
  // stream's last sequence minus the position would count messages deleted from the log).
  private void refreshLag(StreamContext stream) throws IOException, JetStreamApiException {
    ConsumerInfo info = stream.getConsumerInfo(DURABLE);
    lag.set(info.getNumPending() + info.getNumAckPending());
  }

  private void applyAndAck(List<RawEvent> raws, List<Message> messages) {
    if (raws.isEmpty()) {
      return;
    }
    applier.apply(account, raws);
    // Ack-all on the batch's last message: safe because the batch has no gap in consumer sequences
    // (checked as it was read), and one ack instead of thousands spares the broker and the client.
    messages.get(messages.size() - 1).ack();
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
            .maxAckPending(20_000);
    if (position == 0) {
      config.deliverPolicy(DeliverPolicy.All);
    } else {
      config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(position + 1);
    }
    stream.createOrUpdateConsumer(config.build());
  }

  private static RawEvent raw(Message message) {
    Map<String, String> headers = new HashMap<>();
    Headers all = message.getHeaders();
    if (all != null) {
      all.forEach((key, values) -> headers.put(key, values.isEmpty() ? null : values.get(0)));
    }
    byte[] body = message.getData() == null ? new byte[0] : message.getData();
    return new RawEvent(message.metaData().streamSequence(), message.getSubject(), headers, body);
  }

  /** Stops consuming and waits for the batch in hand to finish. */
  @Override
  public void close() {
    running = false;
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
