package dev.gamingapi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NatsClusterTest {
  @TempDir Path tmp;

  @Test
  void threeNodesShareAReplicatedStreamThroughANodeCrashAndANewNode() throws Exception {
    try (NatsCluster cluster = NatsCluster.start(3, tmp, "")) {
      String streamLeader;
      assertThat(cluster.urls()).hasSize(3);
      assertThat(cluster.url()).isEqualTo(String.join(",", cluster.urls()));
      try (Connection first = Nats.connect(cluster.node(0).url())) {
        StreamInfo created =
            first
                .jetStreamManagement()
                .addStream(
                    StreamConfiguration.builder().name("S").subjects("s.>").replicas(3).build());
        assertThat(created.getClusterInfo().getReplicas()).hasSize(2);
        first.jetStream().publish("s.1", "one".getBytes());
        streamLeader = created.getClusterInfo().getLeader();
      }
      assertThat(messagesSeenThrough(cluster.node(2).url())).isEqualTo(1);

      // A follower of both the meta group and the stream: no election to wait for.
      NatsServerProcess follower =
          cluster.nodes().stream()
              .filter(node -> !node.serverName().equals(streamLeader))
              .filter(node -> !node.serverName().equals(cluster.metaLeader()))
              .findFirst()
              .orElseThrow();
      follower.kill();
      cluster.awaitReady();
      try (Connection any = Nats.connect(cluster.url())) {
        any.jetStream().publish("s.2", "two".getBytes());
      }
      follower.start();
      cluster.awaitReady();

      NatsServerProcess fourth = cluster.addNode();
      assertThat(cluster.urls()).hasSize(4).contains(fourth.url());
      assertThat(messagesSeenThrough(fourth.url())).isEqualTo(2);
      assertThat(fourth.dir()).isEqualTo(tmp.resolve("node-4"));
    }
  }

  private static long messagesSeenThrough(String url) throws Exception {
    try (Connection connection = Nats.connect(url)) {
      JetStreamManagement jsm = connection.jetStreamManagement();
      return jsm.getStreamInfo("S").getStreamState().getMsgCount();
    }
  }
}
