package dev.gamingapi.bench;

import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.StreamProvisioner;
import dev.gamingapi.testkit.NatsCluster;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest through the SDK into the {@code EVENTS} stream as the platform provisions it: one node
 * with 1 replica against a 3-node loopback cluster with 3 replicas, alternating in the same run.
 * All three nodes share this machine's cores with the publisher, so the ratio is the cost of
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
        "cluster: SDK ingest of %,d events of ~300 bytes, window %d, %d rounds each:"
            + " 1 node R1 vs 3-node loopback cluster R3%n",
        count, args.window(), args.rounds());
    List<EventData> data = BenchEvents.data(count);
    List<Double> single = new ArrayList<>();
    List<Double> replicated = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    try (NatsServerProcess node = NatsServerProcess.startJetStream();
        NatsCluster cluster = NatsCluster.start("")) {
      sdk(node.url(), 1, data); // warm-up of both (JIT, brokers), not counted
      sdk(cluster.url(), 3, data);
      for (int round = 1; round <= args.rounds(); round++) {
        double r1 = sdk(node.url(), 1, data);
        double r3 = sdk(cluster.url(), 3, data);
        single.add(r1);
        replicated.add(r3);
        ratios.add(r3 / r1);
        System.out.printf(
            "  round %d: 1 node R1 %s, 3 nodes R3 %s (ratio %.2f)%n",
            round, Figures.perSecond(r1), Figures.perSecond(r3), r3 / r1);
      }
    }
    System.out.printf(
        "cluster: 1 node R1 %s | 3-node cluster R3 %s | ratio R3/R1 %.2f (median of %d paired"
            + " rounds)%n",
        Figures.perSecond(Figures.median(single)),
        Figures.perSecond(Figures.median(replicated)),
        Figures.median(ratios),
        ratios.size());
  }

  private double sdk(String url, int replicas, List<EventData> data) throws Exception {
    try (Connection connection = BenchEvents.connect(url)) {
      recreate(connection, replicas);
    }
    long elapsed = BenchEvents.publishWithSdk(url, data, args.window());
    try (Connection connection = BenchEvents.connect(url)) {
      BenchEvents.checkStored(connection, data.size());
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
}
