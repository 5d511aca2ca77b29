package dev.gamingapi.bench;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Apply rate of the read models against raw jnats on the same run: the same stored events read by a
 * raw durable pull consumer ({@code fetch} of 500 with an explicit ack per message, nothing else
 * done with them, timed from the first fetch), and applied by the platform's read models (a rebuild
 * of the tenant, timed from the first batch committed until the models' position reaches the last
 * event: decoding, every model and board, the applied-ids check, one transaction per batch; the
 * rebuild's start-up before that is reported on its own).
 */
final class ApplyBench {
  private static final String RAW_DURABLE = "bench-raw-fetch";

  private final HistoryPlatform platform;
  private final int count;
  private final int rounds;

  ApplyBench(HistoryPlatform platform, int count, int rounds) {
    this.platform = platform;
    this.count = count;
    this.rounds = rounds;
  }

  /**
   * Stores the events, waits for the first apply, runs one round of each side as a warm-up, then
   * alternates both sides.
   */
  void run() throws Exception {
    try (Connection connection = connect()) {
      System.out.printf("  storing %,d events ...%n", count);
      long last = store(connection, HistoryWorkload.events(count, 7));
      platform.awaitApplied(last, Duration.ofMinutes(10));
      // One round of each side not counted, as the other benchmarks do: the first apply ran the
      // models' code cold and the rebuild path (wipe, restart) not at all yet.
      double warmRaw = raw(connection);
      double warmApply = platform.rebuildAndTime(last, Duration.ofMinutes(10)).rate();
      System.out.printf(
          "  warm-up (not counted): raw %,.0f events/s, apply %,.0f events/s%n",
          warmRaw, warmApply);
      Figures figures = new Figures();
      Latencies restarts = new Latencies();
      java.util.List<Double> cpu = new java.util.ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double raw = raw(connection);
        long cpuBefore = WriterCpu.nanos();
        HistoryPlatform.Rebuilt rebuilt = platform.rebuildAndTime(last, Duration.ofMinutes(10));
        cpu.add((WriterCpu.nanos() - cpuBefore) / 1_000.0 / count);
        restarts.add(rebuilt.startNanos());
        figures.round(raw, rebuilt.rate());
      }
      System.out.printf(
          "  writer threads' CPU per event applied: %s us (rounds), median %.2f us%n",
          cpu.stream().map(v -> String.format("%.2f", v)).toList(),
          cpu.stream().sorted().toList().get(cpu.size() / 2));
      System.out.printf(
          "  (rebuild start-up before the first batch lands: wiping the tenant's models,"
              + " reconnecting, recreating the durable: %s)%n",
          restarts.summary());
      figures.report(
          "  apply (" + platform.database() + ")",
          "raw jnats fetch 500 + explicit ack",
          platform.database().equals("SQLite") ? 0.5 : 0.3);
    }
  }

  private Connection connect() throws IOException, InterruptedException {
    return Nats.connect(
        Options.builder()
            .server(platform.info().brokerUrl())
            .authHandler(Nats.credentials(platform.info().ownerCreds().toString()))
            .errorListener(new io.nats.client.ErrorListener() {})
            .build());
  }

  private static long store(Connection connection, List<Event> events) throws Exception {
    JetStream jetStream = connection.jetStream();
    ArrayDeque<CompletableFuture<PublishAck>> inFlight = new ArrayDeque<>();
    long last = 0;
    for (Event event : events) {
      EncodedEvent encoded = CloudEventsCodec.encode(event);
      inFlight.add(
          jetStream.publishAsync(
              NatsMessage.builder()
                  .subject(encoded.subject())
                  .headers(BenchEvents.headers(encoded))
                  .data(encoded.body())
                  .build()));
      if (inFlight.size() >= 2_000) {
        last = Math.max(last, inFlight.poll().join().getSeqno());
      }
    }
    while (!inFlight.isEmpty()) {
      last = Math.max(last, inFlight.poll().join().getSeqno());
    }
    return last;
  }

  private double raw(Connection connection) throws Exception {
    JetStreamManagement management = connection.jetStreamManagement();
    try {
      management.deleteConsumer(Subjects.EVENT_STREAM, RAW_DURABLE);
    } catch (JetStreamApiException absent) {
      // first round
    }
    management.addOrUpdateConsumer(
        Subjects.EVENT_STREAM,
        ConsumerConfiguration.builder()
            .durable(RAW_DURABLE)
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(DeliverPolicy.All)
            .maxAckPending(20_000)
            .build());
    JetStreamSubscription subscription =
        connection
            .jetStream()
            .subscribe(null, PullSubscribeOptions.bind(Subjects.EVENT_STREAM, RAW_DURABLE));
    long start = System.nanoTime();
    int read = 0;
    while (read < count) {
      List<Message> batch = subscription.fetch(500, Duration.ofSeconds(2));
      if (batch.isEmpty()) {
        throw new IllegalStateException("raw fetch stalled after " + read + " events");
      }
      for (Message message : batch) {
        message.ack();
        read++;
      }
    }
    long elapsed = System.nanoTime() - start;
    subscription.unsubscribe();
    management.deleteConsumer(Subjects.EVENT_STREAM, RAW_DURABLE);
    return Figures.rate(count, elapsed);
  }
}
