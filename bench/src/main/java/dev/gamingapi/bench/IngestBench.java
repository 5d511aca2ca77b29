package dev.gamingapi.bench;

import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.impl.NatsMessage;
import java.util.List;

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
    List<NatsMessage> messages = BenchEvents.messages(BenchEvents.encoded(data));
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

  private double raw(Connection connection, List<NatsMessage> messages) throws Exception {
    return Figures.rate(
        messages.size(), BenchEvents.publishRaw(connection, messages, args.window()));
  }

  private double sdk(Connection connection, String url, List<EventData> data) throws Exception {
    BenchEvents.recreateStream(connection);
    long elapsed = BenchEvents.publishWithSdk(url, data, args.window());
    BenchEvents.checkStored(connection, data.size());
    return Figures.rate(data.size(), elapsed);
  }
}
