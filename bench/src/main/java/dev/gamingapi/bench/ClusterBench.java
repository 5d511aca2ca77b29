package dev.gamingapi.bench;

import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.StreamProvisioner;
import dev.gamingapi.testkit.NatsCluster;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest through the SDK into the {@code EVENTS} stream as the platform provisions it: one node
 * with 1 replica against a 3-node loopback cluster with 3 replicas, alternating in the same run,
 * each next to raw jnats {@code publishAsync} of the same pre-encoded messages (with {@code
 * Nats-Msg-Id}) into the same stream: the SDK's R3 ratio is read against raw R3, not against R1.
 * All three nodes share this machine's cores with the publisher, so R3 against R1 is the cost of
 * replication plus that sharing, not what three machines would show.
 */
final class ClusterBench {
  private final BenchArgs args;

  ClusterBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    int count = args.ingestEvents();
    System.out.printf(
        "cluster: ingest of %,d events of ~300 bytes, window %d, %d rounds each, SDK and raw jnats"
            + " publishAsync+Msg-Id: 1 node R1 vs 3-node loopback cluster R3%n",
        count, args.window(), args.rounds());
    List<EventData> data = BenchEvents.data(count);
    List<NatsMessage> messages = BenchEvents.messages(BenchEvents.encoded(data));
    Figures single = new Figures("1 node R1,");
    Figures replicated = new Figures("3 nodes R3,");
    List<Double> costs = new ArrayList<>();
    try (NatsServerProcess node = NatsServerProcess.startJetStream();
        NatsCluster cluster = NatsCluster.start("")) {
      // Warm-up of every path (JIT, brokers), not counted.
      raw(node.url(), 1, messages);
      sdk(node.url(), 1, data);
      raw(cluster.url(), 3, messages);
      sdk(cluster.url(), 3, data);
      for (int round = 1; round <= args.rounds(); round++) {
        double rawR1 = raw(node.url(), 1, messages);
        double sdkR1 = sdk(node.url(), 1, data);
        double rawR3 = raw(cluster.url(), 3, messages);
        double sdkR3 = sdk(cluster.url(), 3, data);
        single.round(rawR1, sdkR1);
        replicated.round(rawR3, sdkR3);
        costs.add(sdkR3 / sdkR1);
      }
    }
    single.report("cluster R1", "raw jnats R1 on the same node", 0.95);
    replicated.report("cluster R3", "raw jnats R3 on the same cluster", 0.95);
    System.out.printf(
        "cluster: SDK R3/R1 %.2f (median of %d paired rounds: replication and the cores the three"
            + " nodes share)%n",
        Figures.median(costs), costs.size());
  }

  private double raw(String url, int replicas, List<NatsMessage> messages) throws Exception {
    try (Connection connection = BenchEvents.connect(url)) {
      recreate(connection, replicas);
      long elapsed = BenchEvents.publishRawInto(connection, messages, args.window());
      requireReplicas(connection, replicas);
      return Figures.rate(messages.size(), elapsed);
    }
  }

  private double sdk(String url, int replicas, List<EventData> data) throws Exception {
    try (Connection connection = BenchEvents.connect(url)) {
      recreate(connection, replicas);
    }
    long elapsed = BenchEvents.publishWithSdk(url, data, args.window());
    try (Connection connection = BenchEvents.connect(url)) {
      BenchEvents.checkStored(connection, data.size());
      requireReplicas(connection, replicas);
    }
    return Figures.rate(data.size(), elapsed);
  }

  private static void recreate(Connection connection, int replicas) throws Exception {
    try {
      connection.jetStreamManagement().deleteStream(EventStreamSpec.NAME);
    } catch (JetStreamApiException absent) {
      // first run: nothing to delete
    }
    StreamProvisioner.provisionEvents(
        connection,
        new EventStreamSpec(Duration.ofMinutes(2), Duration.ofDays(7), 8L << 30, replicas));
  }

  /** Fails unless the events went into a stream of {@code replicas} replicas, as the round says. */
  private static void requireReplicas(Connection connection, int replicas) throws Exception {
    int actual =
        connection
            .jetStreamManagement()
            .getStreamInfo(EventStreamSpec.NAME)
            .getConfiguration()
            .getReplicas();
    if (actual != replicas) {
      throw new IllegalStateException(
          "the round wanted " + replicas + " replicas, the stream has " + actual);
    }
  }
}
