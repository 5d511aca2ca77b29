package dev.gamingapi.server.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.testkit.NatsCluster;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code EVENTS} stream backed up from one node and restored, with its sequences, gaps and
 * consumers, onto a 3-node cluster with 3 replicas: the documented backup and restore procedure.
 */
class StreamSnapshotsTest {
  private static final int EVENTS = 3_000;

  @TempDir Path tmp;

  @Test
  void aBackupFromOneNodeRestoresOntoAClusterWithEverySequenceAndConsumerKept() throws Exception {
    Path backup = tmp.resolve("backup");
    StreamInfo before;
    try (NatsServerProcess node = NatsServerProcess.startJetStream();
        Connection source = connect(node.url())) {
      StreamProvisioner.provisionEvents(
          source, new EventStreamSpec(Duration.ofMinutes(2), Duration.ofDays(7), 1L << 30, 1));
      for (int i = 1; i <= EVENTS; i++) {
        Headers headers = new Headers().put("Nats-Msg-Id", "id-" + i);
        source
            .jetStream()
            .publishAsync(
                NatsMessage.builder()
                    .subject("v1.servers.s1.players.p" + (i % 7) + ".events.player.chatted")
                    .headers(headers)
                    .data(("{\"n\":" + i + "}").getBytes())
                    .build());
      }
      source.flush(Duration.ofSeconds(10));
      JetStreamManagement jsm = source.jetStreamManagement();
      await(() -> jsm.getStreamInfo("EVENTS").getStreamState().getMsgCount() == EVENTS);
      jsm.deleteMessage("EVENTS", 10); // an erased player's event leaves a gap
      jsm.addOrUpdateConsumer(
          "EVENTS",
          ConsumerConfiguration.builder()
              .durable("gamingapi-readmodel")
              .ackPolicy(AckPolicy.Explicit)
              .build());
      before = jsm.getStreamInfo("EVENTS");

      long bytes = StreamSnapshots.backup(source, "EVENTS", backup);
      assertThat(bytes).isPositive();
    }

    try (NatsCluster cluster = NatsCluster.start(3, tmp.resolve("cluster"), "");
        Connection target = connect(cluster.url())) {
      StreamSnapshots.restore(target, "EVENTS", backup, 3);

      JetStreamManagement jsm = target.jetStreamManagement();
      StreamInfo after = jsm.getStreamInfo("EVENTS");
      assertThat(after.getConfiguration().getReplicas()).isEqualTo(3);
      assertThat(after.getStreamState().getMsgCount())
          .isEqualTo(before.getStreamState().getMsgCount());
      assertThat(after.getStreamState().getFirstSequence()).isEqualTo(1);
      assertThat(after.getStreamState().getLastSequence()).isEqualTo(EVENTS);
      MessageInfo last = jsm.getMessage("EVENTS", EVENTS);
      assertThat(new String(last.getData())).isEqualTo("{\"n\":" + EVENTS + "}");
      assertThat(last.getHeaders().getFirst("Nats-Msg-Id")).isEqualTo("id-" + EVENTS);
      assertThatThrownBy(() -> jsm.getMessage("EVENTS", 10))
          .hasMessageContaining("no message found");
      assertThat(jsm.getConsumerNames("EVENTS")).contains("gamingapi-readmodel");
      // A publish after the restore continues the sequence, and de-duplication still knows ids.
      assertThat(
              target
                  .jetStream()
                  .publish("v1.servers.s1.events.server.started", "{}".getBytes())
                  .getSeqno())
          .isEqualTo(EVENTS + 1);

      assertThatThrownBy(() -> StreamSnapshots.restore(target, "EVENTS", backup, 3))
          .isInstanceOf(BrokerException.class)
          .hasMessageContaining("EVENTS");
    }
  }

  private static Connection connect(String url) throws Exception {
    return Nats.connect(Options.builder().server(url).build());
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void await(Check check) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(check::ok);
  }
}
