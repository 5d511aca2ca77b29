package dev.gamingapi.bench;

import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.sdk.EventReader;
import dev.gamingapi.sdk.ReadRequest;
import dev.gamingapi.sdk.ReplayStream;
import dev.gamingapi.sdk.StoredEvent;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Replay: the SDK reader against a raw jnats ordered push consumer over the same stored events.
 * Both read each event's id and sequence, so both pay for the headers.
 */
final class ReplayBench {
  private final BenchArgs args;

  ReplayBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    int count = args.replayEvents();
    System.out.printf("replay: storing %,d events ...%n", count);
    try (NatsServerProcess server = NatsServerProcess.startJetStream();
        Connection connection = BenchEvents.connect(server.url())) {
      store(connection, count);
      Figures figures = new Figures();
      for (int round = 1; round <= args.rounds(); round++) {
        figures.round(raw(connection, count), sdk(server.url(), count));
      }
      figures.report("replay", "raw jnats ordered consumer", 0.85);
    }
  }

  private void store(Connection connection, int count) throws Exception {
    BenchEvents.recreateStream(connection);
    JetStream jetStream = connection.jetStream();
    ArrayDeque<CompletableFuture<PublishAck>> inFlight = new ArrayDeque<>();
    int chunk = 100_000;
    for (int from = 0; from < count; from += chunk) {
      List<EncodedEvent> events =
          BenchEvents.encoded(BenchEvents.data(Math.min(chunk, count - from)));
      for (EncodedEvent event : events) {
        NatsMessage message =
            NatsMessage.builder()
                .subject(event.subject())
                .headers(BenchEvents.headers(event))
                .data(event.body())
                .build();
        inFlight.add(jetStream.publishAsync(message));
        if (inFlight.size() >= 5_000) {
          inFlight.poll().join();
        }
      }
      System.out.printf("  stored %,d%n", Math.min(from + chunk, count));
    }
    while (!inFlight.isEmpty()) {
      inFlight.poll().join();
    }
  }

  private double raw(Connection connection, int count) throws Exception {
    JetStream jetStream = connection.jetStream();
    PushSubscribeOptions options =
        PushSubscribeOptions.builder().stream(Subjects.EVENT_STREAM).ordered(true).build();
    long start = System.nanoTime();
    JetStreamSubscription subscription = jetStream.subscribe(">", options);
    long checksum = 0;
    for (int read = 0; read < count; ) {
      Message message = subscription.nextMessage(Duration.ofSeconds(10));
      if (message == null) {
        throw new IllegalStateException("raw replay stalled after " + read + " events");
      }
      checksum +=
          message.metaData().streamSequence() + message.getHeaders().getFirst("ce-id").length();
      read++;
    }
    long elapsed = System.nanoTime() - start;
    subscription.unsubscribe();
    sink(checksum);
    return Figures.rate(count, elapsed);
  }

  private double sdk(String url, int count) throws Exception {
    long checksum = 0;
    int read = 0;
    long start = System.nanoTime();
    try (EventReader reader = EventReader.connect(url, null);
        ReplayStream events = reader.replay(ReadRequest.fromStart(EventFilter.ALL))) {
      for (StoredEvent event : events) {
        checksum += event.sequence() + event.id().length();
        read++;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (read != count) {
      throw new IllegalStateException("SDK replay read " + read + " events, expected " + count);
    }
    sink(checksum);
    return Figures.rate(count, elapsed);
  }

  /** Keeps the JIT from dropping the reads. */
  private static void sink(long checksum) {
    if (checksum == 42) {
      System.out.print("");
    }
  }
}
