package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.subject.EventFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revoked or expired credentials end the sending with one clear reason, told to the application,
 * instead of an endless series of {@code Authorization Violation} reconnects; on a real nats-server
 * in operator mode, revoked the way the platform revokes (the account JWT's revocations).
 */
class CredentialsRefusedTest {
  @TempDir Path dir;

  @Test
  void revokedCredentialsStopTheClientAndCallTheApplicationOnce() throws Exception {
    try (OperatorBroker broker = OperatorBroker.start(dir)) {
      Path creds = broker.serverCreds("eu-1", null);
      var refusals = new CopyOnWriteArrayList<CredentialsRefusedException>();
      try (GameServerClient client = client(broker, creds, refusals)) {
        client.publish(new PlayerConnected("p1", "Alice", null));
        client.flush(Duration.ofSeconds(5));

        broker.revoke(creds);

        await().atMost(Duration.ofSeconds(5)).until(() -> !refusals.isEmpty());
        assertThat(refusals.getFirst().getMessage())
            .startsWith("credentials revoked")
            .doesNotContain("\n");
        assertThat(refusals.getFirst().expired()).isFalse();
        assertThatThrownBy(() -> client.publish(new PlayerConnected("p2", "Bob", null)))
            .isSameAs(refusals.getFirst());
        assertThat(refusals).hasSize(1);
      }
    }
  }

  @Test
  void expiredCredentialsSayWhenTheyExpired() throws Exception {
    try (OperatorBroker broker = OperatorBroker.start(dir)) {
      Path creds = broker.serverCreds("eu-1", Duration.ofSeconds(2));
      var refusals = new CopyOnWriteArrayList<CredentialsRefusedException>();
      try (GameServerClient client = client(broker, creds, refusals)) {
        client.publish(new PlayerConnected("p1", "Alice", null));
        client.flush(Duration.ofSeconds(5));

        await().atMost(Duration.ofSeconds(6)).until(() -> !refusals.isEmpty());
        assertThat(refusals.getFirst().getMessage()).matches("credentials expired at 20\\S+Z .*");
        assertThat(refusals.getFirst().expired()).isTrue();
        assertThatThrownBy(() -> client.publish(new PlayerConnected("p2", "Bob", null)))
            .isSameAs(refusals.getFirst());
      }
    }
  }

  @Test
  void theCommandReceiverStopsOnRevokedCredentialsInsteadOfReconnectingForever() throws Exception {
    try (OperatorBroker broker = OperatorBroker.start(dir)) {
      Path creds = broker.serverCreds("eu-1", null);
      var refusals = new CopyOnWriteArrayList<CredentialsRefusedException>();
      var receiverRefusals = new CopyOnWriteArrayList<CredentialsRefusedException>();
      try (GameServerClient client = client(broker, creds, refusals);
          CommandReceiver receiver =
              CommandReceiver.builder(client)
                  .on("kick", command -> null)
                  .onCredentialsRefused(receiverRefusals::add)
                  .start()) {
        await().until(() -> receiverThreadAlive() && connectionsOf(broker) == 2);

        broker.revoke(creds);

        await().atMost(Duration.ofSeconds(5)).until(() -> !receiverRefusals.isEmpty());
        assertThat(receiverRefusals.getFirst().getMessage()).startsWith("credentials revoked");
        await().atMost(Duration.ofSeconds(5)).until(() -> !receiverThreadAlive());
        assertThat(receiverRefusals).hasSize(1);
      }
    }
  }

  @Test
  void theEventReaderStopsOnRevokedCredentialsInsteadOfReconnectingForever() throws Exception {
    try (OperatorBroker broker = OperatorBroker.start(dir)) {
      try (GameServerClient client =
          client(broker, broker.serverCreds("eu-1", null), new CopyOnWriteArrayList<>())) {
        client.publish(new PlayerConnected("p1", "Alice", null));
        client.flush(Duration.ofSeconds(5));
      }
      Path readerCreds = broker.serverCreds("reader", null);
      var refusals = new CopyOnWriteArrayList<CredentialsRefusedException>();
      var seen = new CopyOnWriteArrayList<StoredEvent>();
      ReadRequest all = ReadRequest.fromStart(new EventFilter(null, null, null));
      try (EventReader reader = EventReader.connect(broker.url(), readerCreds, refusals::add);
          Subscription live = reader.subscribe(all, seen::add)) {
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);

        broker.revoke(readerCreds);

        await().atMost(Duration.ofSeconds(5)).until(() -> !refusals.isEmpty());
        assertThat(refusals.getFirst().getMessage())
            .startsWith("credentials revoked")
            .doesNotContain("\n");
        assertThat(reader.credentialsRefusal()).containsSame(refusals.getFirst());
        assertThatThrownBy(() -> reader.replay(all)).isSameAs(refusals.getFirst());
        // closed, not reconnecting: the broker sees no client of the tenant any more
        await().atMost(Duration.ofSeconds(5)).until(() -> connectionsOf(broker) == 0);
        assertThat(refusals).hasSize(1);
      }
      assertThatThrownBy(() -> EventReader.connect(broker.url(), readerCreds))
          .isInstanceOf(CredentialsRefusedException.class)
          .hasMessageStartingWith("credentials revoked");
    }
  }

  private static boolean receiverThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("gamingapi-commands-eu-1") && thread.isAlive());
  }

  private static long connectionsOf(OperatorBroker broker) throws Exception {
    return broker.tenantConnections();
  }

  private GameServerClient client(
      OperatorBroker broker, Path creds, CopyOnWriteArrayList<CredentialsRefusedException> sink) {
    return GameServerClient.builder()
        .url(broker.url())
        .credentials(creds)
        .journalDir(dir.resolve("journal"))
        .onCredentialsRefused(sink::add)
        .build();
  }
}
