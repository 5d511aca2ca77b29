package dev.gamingapi.bench;

import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Ingest: the SDK's {@code publish} (validate, journal, async publish with {@code Nats-Msg-Id})
 * against raw jnats {@code publishAsync} of the same pre-encoded messages with the same window.
 */
final class IngestBench {
  private final BenchArgs args;

  IngestBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    int count = args.ingestEvents();
    System.out.printf(
        "ingest: %,d events of ~300 bytes, window %d, %d rounds each%n",
        count, args.window(), args.rounds());
    List<EventData> data = BenchEvents.data(count);
    List<NatsMessage> messages = messages(BenchEvents.encoded(data));
    try (NatsServerProcess server = NatsServerProcess.startJetStream();
        Connection connection = BenchEvents.connect(server.url())) {
      raw(connection, messages); // warm-up of both paths (JIT, broker), not counted
      sdk(connection, server.url(), data);
      Figures figures = new Figures();
      for (int round = 1; round <= args.rounds(); round++) {
        figures.round(raw(connection, messages), sdk(connection, server.url(), data));
      }
      figures.report("ingest", "raw jnats publishAsync+Msg-Id", 0.90);
    }
  }

  private List<NatsMessage> messages(List<EncodedEvent> events) {
    List<NatsMessage> messages = new ArrayList<>(events.size());
    for (EncodedEvent event : events) {
      messages.add(
          NatsMessage.builder()
              .subject(event.subject())
              .headers(BenchEvents.headers(event))
              .data(event.body())
              .build());
    }
    return messages;
  }

  private double raw(Connection connection, List<NatsMessage> messages) throws Exception {
    BenchEvents.recreateStream(connection);
    JetStream jetStream = connection.jetStream();
    ArrayDeque<CompletableFuture<PublishAck>> inFlight = new ArrayDeque<>(args.window());
    long start = System.nanoTime();
    for (NatsMessage message : messages) {
      inFlight.add(jetStream.publishAsync(message));
      if (inFlight.size() >= args.window()) {
        inFlight.poll().join();
      }
    }
    while (!inFlight.isEmpty()) {
      inFlight.poll().join();
    }
    long elapsed = System.nanoTime() - start;
    BenchEvents.checkStored(connection, messages.size());
    return Figures.rate(messages.size(), elapsed);
  }

  private double sdk(Connection connection, String url, List<EventData> data) throws Exception {
    BenchEvents.recreateStream(connection);
    long elapsed = BenchEvents.publishWithSdk(url, data, args.window());
    BenchEvents.checkStored(connection, data.size());
    return Figures.rate(data.size(), elapsed);
  }
}
