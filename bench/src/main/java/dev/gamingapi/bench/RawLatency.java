package dev.gamingapi.bench;

import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The same-run raw baseline of a latency benchmark: raw jnats at the same rate and schedule, with
 * nothing of ours in between. A plain nats-server (JetStream, file storage, as the tenants' streams
 * are) on this machine; a publisher sends {@code rate} messages a second of ~300 bytes with a
 * {@code Nats-Msg-Id} ({@code publishAsync}), open loop; a durable pull consumer fetches batches
 * and acks each message. Every {@code markerEvery}th message is a marker whose latency is publish
 * called to fetched. Our latencies are read against its p99 on the same machine at the same moment,
 * not only against absolute targets.
 */
final class RawLatency {
  private static final String STREAM = "RAW";
  private static final String DURABLE = "raw-latency";
  private static final byte[] PAYLOAD = "x".repeat(300).getBytes(StandardCharsets.US_ASCII);

  private final int rate;
  private final int markerEvery;
  private final Duration run;
  private final Duration warmup;
  private final Duration window;

  RawLatency(int rate, int markerEvery, Duration run, Duration warmup, Duration window) {
    this.rate = rate;
    this.markerEvery = markerEvery;
    this.run = run;
    this.warmup = warmup;
    this.window = window;
  }

  MarkerLatencies measure() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.startJetStream();
        Connection connection = Nats.connect(server.url())) {
      connection
          .jetStreamManagement()
          .addStream(
              StreamConfiguration.builder()
                  .name(STREAM)
                  .subjects("raw.>")
                  .storageType(StorageType.File)
                  .build());
      connection
          .jetStreamManagement()
          .addOrUpdateConsumer(
              STREAM,
              ConsumerConfiguration.builder()
                  .durable(DURABLE)
                  .ackPolicy(AckPolicy.Explicit)
                  .maxAckPending(20_000)
                  .build());
      int total = (int) (rate * run.toSeconds());
      int markers = total / markerEvery;
      AtomicLongArray published = new AtomicLongArray(markers);
      AtomicLongArray seen = new AtomicLongArray(markers);
      AtomicBoolean stop = new AtomicBoolean();
      // Consumed as the platform's read models consume: pulls kept waiting on the broker, each
      // message handed over as it comes (a fetch would wait for its batch to fill).
      IterableConsumer messages =
          connection
              .getStreamContext(STREAM)
              .getConsumerContext(DURABLE)
              .iterate(ConsumeOptions.builder().batchSize(500).build());
      Thread reader = Thread.ofPlatform().start(() -> read(messages, seen, stop));
      long start = System.nanoTime();
      publish(connection.jetStream(), total, published, start);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (seen.get(markers - 1) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      stop.set(true);
      reader.join();
      return MarkerLatencies.of(published, seen, start, warmup, run, window);
    }
  }

  private void publish(JetStream jetStream, int total, AtomicLongArray published, long start)
      throws InterruptedException {
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    for (int i = 0; i < total; i++) {
      long wait = start + i * interval - System.nanoTime();
      if (wait > 50_000) {
        Thread.sleep(Duration.ofNanos(wait));
      }
      boolean marker = i % markerEvery == 0;
      if (marker) {
        published.set(i / markerEvery, System.nanoTime());
      }
      Headers headers = new Headers().put("Nats-Msg-Id", "raw-" + i);
      jetStream.publishAsync(
          NatsMessage.builder()
              .subject(marker ? "raw.marker." + (i / markerEvery) : "raw.event")
              .headers(headers)
              .data(PAYLOAD)
              .build());
    }
  }

  private static void read(IterableConsumer messages, AtomicLongArray seen, AtomicBoolean stop) {
    try {
      while (!stop.get()) {
        Message message = messages.nextMessage(Duration.ofMillis(100));
        if (message == null) {
          continue;
        }
        String subject = message.getSubject();
        if (subject.startsWith("raw.marker.")) {
          seen.set(Integer.parseInt(subject.substring("raw.marker.".length())), System.nanoTime());
        }
        message.ack();
      }
    } catch (Exception e) {
      throw new IllegalStateException("raw consumer failed", e);
    }
  }
}
