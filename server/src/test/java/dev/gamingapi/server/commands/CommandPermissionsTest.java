package dev.gamingapi.server.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.server.testing.PlatformFixture;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's COMMANDS stream and per-server consumers, and what a game server's credential may
 * do with them: pull and ack its own commands, nothing of another server's, create no consumer.
 */
class CommandPermissionsTest {
  @TempDir static Path dataDir;
  static PlatformFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = PlatformFixture.start(dataDir, dev.gamingapi.server.app.ApiConfig.defaults());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void everyTenantHasAWorkQueueAndEveryRegisteredServerItsOwnConsumer() throws Exception {
    fixture.account("wq", "standard");
    fixture.server("wq", "alpha");
    PlatformFixture.Issued owner = fixture.user("wq", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      JetStreamManagement jsm = client.connection().jetStreamManagement();
      var stream = jsm.getStreamInfo("COMMANDS").getConfiguration();
      assertThat(stream.getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
      assertThat(stream.getSubjects()).containsExactly("v1.servers.*.commands.>");
      ConsumerConfiguration consumer =
          jsm.getConsumerInfo("COMMANDS", "server-alpha").getConsumerConfiguration();
      assertThat(consumer.getFilterSubject()).isEqualTo("v1.servers.alpha.commands.>");
      assertThat(consumer.getMaxAckPending()).isEqualTo(1);
    }
  }

  @Test
  void aGameServerPullsAndAcksOnlyItsOwnCommands() throws Exception {
    fixture.account("cross", "standard");
    fixture.server("cross", "s1");
    fixture.server("cross", "s2");
    PlatformFixture.Issued owner = fixture.user("cross", "{\"name\":\"o\",\"kind\":\"owner\"}");
    PlatformFixture.Issued s1 =
        fixture.user("cross", "{\"name\":\"h1\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    PlatformFixture.Issued s2 =
        fixture.user("cross", "{\"name\":\"h2\",\"kind\":\"game_server\",\"server\":\"s2\"}");
    try (PlatformFixture.Client ownerClient = fixture.connect(owner, null);
        PlatformFixture.Client one = fixture.connect(s1, "_INBOX_s1");
        PlatformFixture.Client two = fixture.connect(s2, "_INBOX_s2")) {
      var js = ownerClient.connection().jetStream();
      js.publish(
          "v1.servers.s1.commands.kick", "{\"command_id\":\"a\",\"name\":\"kick\"}".getBytes());
      js.publish(
          "v1.servers.s2.commands.kick", "{\"command_id\":\"b\",\"name\":\"kick\"}".getBytes());
      JetStreamManagement jsm = ownerClient.connection().jetStreamManagement();

      // s1 reads its own command and acks it: the work queue drops it.
      List<Message> own = pull(one, "server-s1");
      assertThat(own).hasSize(1);
      assertThat(own.get(0).getSubject()).isEqualTo("v1.servers.s1.commands.kick");
      own.get(0).ackSync(Duration.ofSeconds(2));

      // s1 cannot bind to, pull from or look up s2's consumer.
      assertThatThrownBy(() -> pull(one, "server-s2")).isInstanceOf(Exception.class);
      one.connection().publish("$JS.API.CONSUMER.MSG.NEXT.COMMANDS.server-s2", "1".getBytes());
      // ... nor create a consumer of its own on the stream, nor listen to s2's subject.
      one.connection()
          .publish(
              "$JS.API.CONSUMER.CREATE.COMMANDS.x.v1.servers.s2.commands.>",
              "{\"stream_name\":\"COMMANDS\",\"config\":{\"name\":\"x\"}}".getBytes());
      one.connection().publish("$JS.API.CONSUMER.DURABLE.CREATE.COMMANDS.x", "{}".getBytes());
      one.connection().subscribe("v1.servers.s2.commands.>");
      one.connection().flush(Duration.ofSeconds(2));
      await()
          .atMost(Duration.ofSeconds(3))
          .untilAsserted(
              () ->
                  assertThat(String.join("\n", one.errors()))
                      .contains("Publish to \"$JS.API.CONSUMER.MSG.NEXT.COMMANDS.server-s2\"")
                      .contains("Publish to \"$JS.API.CONSUMER.CREATE.COMMANDS")
                      .contains("Publish to \"$JS.API.CONSUMER.DURABLE.CREATE.COMMANDS.x\"")
                      .contains("Subscription to \"v1.servers.s2.commands.>\""));

      // s2 gets its command; s1 trying to ack it (it learnt the reply subject) is refused.
      List<Message> theirs = pull(two, "server-s2");
      assertThat(theirs).hasSize(1);
      one.connection().publish(theirs.get(0).getReplyTo(), "+ACK".getBytes());
      one.connection().flush(Duration.ofSeconds(2));
      await()
          .atMost(Duration.ofSeconds(3))
          .untilAsserted(
              () ->
                  assertThat(String.join("\n", one.errors()))
                      .contains("$JS.ACK.COMMANDS.server-s2"));
      assertThat(jsm.getConsumerInfo("COMMANDS", "server-s2").getNumAckPending()).isEqualTo(1);
      assertThat(jsm.getStreamInfo("COMMANDS").getStreamState().getMsgCount()).isEqualTo(1);
      assertThat(jsm.getConsumerNames("COMMANDS"))
          .containsExactlyInAnyOrder("server-s1", "server-s2");
    }
  }

  private static List<Message> pull(PlatformFixture.Client client, String consumer)
      throws Exception {
    JetStreamSubscription sub =
        client
            .connection()
            .jetStream()
            .subscribe(null, PullSubscribeOptions.bind("COMMANDS", consumer));
    return sub.fetch(10, Duration.ofSeconds(1));
  }
}
