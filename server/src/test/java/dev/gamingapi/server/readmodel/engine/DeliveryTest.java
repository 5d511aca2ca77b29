package dev.gamingapi.server.readmodel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.IterableConsumer;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A message's place read from its ack reply subject, as jnats reads it. */
class DeliveryTest {
  @Test
  void readsBothShapesOfTheReplySubject() {
    assertThat(Delivery.read("$JS.ACK.EVENTS.gamingapi-readmodel.1.4021.17.1732442700000000000.9"))
        .isEqualTo(new Delivery(4021, 17, 9));
    assertThat(
            Delivery.read(
                "$JS.ACK._.ABCHASH.EVENTS.gamingapi-readmodel.2.4021.17.1732442700000000000.0.xyz"))
        .isEqualTo(new Delivery(4021, 17, 0));
    assertThat(
            Delivery.read(
                "$JS.ACK.hub.ABCHASH.EVENTS.gamingapi-readmodel.2.4021.17.1732442700000000000.3"))
        .isEqualTo(new Delivery(4021, 17, 3));
  }

  @Test
  void readsTheStoreTimeOfBothShapesInMilliseconds() {
    assertThat(
            Delivery.storedMillis(
                "$JS.ACK.EVENTS.gamingapi-readmodel.1.4021.17.1732442700123456789.9"))
        .isEqualTo(1732442700123L);
    assertThat(
            Delivery.storedMillis(
                "$JS.ACK._.ABCHASH.EVENTS.gamingapi-readmodel.2.4021.17.1732442700123456789.0.xyz"))
        .isEqualTo(1732442700123L);
    assertThat(Delivery.storedMillis("$JS.ACK.EVENTS.c.1.4021.17.17x.9")).isEqualTo(Long.MIN_VALUE);
    assertThat(Delivery.storedMillis("_INBOX.abc")).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void leavesAnythingElseToJnats() {
    assertThat(Delivery.read(null)).isNull();
    assertThat(Delivery.read("_INBOX.abc")).isNull();
    assertThat(Delivery.read("$JS.ACK.EVENTS.c.1.4021.17.170")).isNull(); // 8 tokens
    assertThat(Delivery.read("$JS.ACK.EVENTS.c.1.40x1.17.170.9")).isNull();
    assertThat(Delivery.read("$JS.ACK.EVENTS.c.1..17.170.9")).isNull();
    assertThat(Delivery.read("$JS.ACK.EVENTS.c.1.4021.17.170.99999999999999999999")).isNull();
  }

  @Test
  void agreesWithJnatsOnMessagesFromTheServer() throws Exception {
    try (NatsServerProcess server = NatsServerProcess.startJetStream();
        Connection connection = Nats.connect(server.url())) {
      JetStreamManagement management = connection.jetStreamManagement();
      management.addStream(StreamConfiguration.builder().name("S").subjects("s.>").build());
      for (int i = 0; i < 25; i++) {
        connection.jetStream().publish("s." + i, new byte[] {1});
      }
      management.addOrUpdateConsumer(
          "S", ConsumerConfiguration.builder().durable("d").ackPolicy(AckPolicy.All).build());
      try (IterableConsumer consumer =
          connection
              .getStreamContext("S")
              .getConsumerContext("d")
              .iterate(ConsumeOptions.builder().batchSize(10).build())) {
        for (int i = 0; i < 25; i++) {
          Message message = consumer.nextMessage(Duration.ofSeconds(5));
          var meta = message.metaData();
          assertThat(Delivery.read(message.getReplyTo()))
              .as(message.getReplyTo())
              .isEqualTo(
                  new Delivery(
                      meta.streamSequence(), meta.consumerSequence(), meta.pendingCount()));
          assertThat(Delivery.storedMillis(message))
              .isEqualTo(meta.timestamp().toInstant().toEpochMilli());
        }
      }
    }
  }
}
