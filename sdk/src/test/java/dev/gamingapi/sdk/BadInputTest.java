package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.UnknownEventData;
import dev.gamingapi.contract.event.UnknownEventTypeException;
import dev.gamingapi.contract.subject.InvalidIdException;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input fails with a typed exception naming the problem, and costs no accepted event. */
class BadInputTest {
  static NatsServerProcess broker;
  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    broker =
        NatsServerProcess.start(NatsServerProcess.tempDir(), FreePorts.next(), "max_payload: 4096");
    TestStreams.createEvents(broker.url());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void badEventsAreRefusedBeforeTheJournalAndEarlierEventsAreStillDelivered() throws Exception {
    List<String> accepted = new ArrayList<>();
    try (GameServerClient client = client("bad-input")) {
      accepted.add(client.publish(new PlayerConnected("alice", "Alice", null)));
      client.flush(Duration.ofSeconds(20)); // connected: the client now knows max_payload

      assertThatThrownBy(() -> client.publish(new PlayerConnected("no spaces!", "Bob", null)))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageContaining("no spaces!");
      accepted.add(client.publish(new PlayerConnected("bob", "Bob", null)));

      assertThatThrownBy(() -> client.publish(new UnknownEventData("weird.thing", bytes("{}"))))
          .isInstanceOf(UnknownEventTypeException.class)
          .hasMessageContaining("weird.thing")
          .hasMessageContaining("custom.");
      assertThatThrownBy(() -> client.publish(new PlayerConnected("carol", "x".repeat(5000), null)))
          .isInstanceOf(PayloadTooLargeException.class)
          .hasMessageContaining("4096");
      assertThatThrownBy(
              () ->
                  client.publish(
                      new Event("id-1", "server.started", "other", null, Instant.now(), started())))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageContaining("other");
      accepted.add(client.publish(new PlayerConnected("dave", "Dave", null)));
      client.flush(Duration.ofSeconds(20));
      assertThat(client.pending()).isZero();
    }
    assertThat(TestStreams.storedIds(broker.url())).containsExactlyElementsOf(accepted);
  }

  @Test
  void anInvalidServerIdIsRefusedByTheBuilder() {
    assertThatThrownBy(() -> GameServerClient.builder().serverId("a.b"))
        .isInstanceOf(InvalidIdException.class)
        .hasMessageContaining("'a.b'");
  }

  @Test
  void aMissingCredsFileIsNamed() {
    Path missing = dir.resolve("missing.creds");
    assertThatThrownBy(() -> GameServerClient.builder().credentials(missing).build())
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void aMalformedCredsFileIsNamed() throws Exception {
    Path malformed = Files.writeString(dir.resolve("bad.creds"), "hello, not a creds file\n");
    assertThatThrownBy(() -> EventReader.connect(broker.url(), malformed))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining(malformed.toString())
        .hasMessageContaining("JWT");
    assertThatThrownBy(() -> GameServerClient.builder().credentials(malformed).build())
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining(malformed.toString());
  }

  @Test
  void theServerIdComesFromTheCredsTag() throws Exception {
    Path creds = taggedCreds("tagged");
    try (GameServerClient client =
        GameServerClient.builder()
            .url("nats://127.0.0.1:" + FreePorts.next())
            .credentials(creds)
            .journalDir(dir.resolve("journal"))
            .build()) {
      assertThat(client.serverId()).isEqualTo("tagged");
    }
  }

  @Test
  void anotherServersCredsFileIsRefusedAtBuild() throws Exception {
    Path creds = taggedCreds("server-a");
    assertThatThrownBy(
            () ->
                GameServerClient.builder()
                    .url("nats://127.0.0.1:" + FreePorts.next())
                    .serverId("server-b")
                    .credentials(creds)
                    .journalDir(dir.resolve("journal"))
                    .build())
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining(creds.toString())
        .hasMessageContaining("is the credential of server 'server-a', not of server 'server-b'");
    assertThat(dir.resolve("journal")).doesNotExist();
  }

  /** A game-server creds file whose user claim carries the tag {@code server:<serverId>}. */
  private Path taggedCreds(String serverId) throws Exception {
    NKey account = NKey.createAccount(null);
    NKey user = NKey.createUser(null);
    String jwt =
        JwtUtils.issueUserJWT(
            account,
            new String(account.getPublicKey()),
            new String(user.getPublicKey()),
            "game",
            null,
            "server:" + serverId);
    return Files.writeString(
        dir.resolve(serverId + ".creds"),
        String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, new String(user.getSeed())));
  }

  private GameServerClient client(String serverId) {
    return GameServerClient.builder()
        .url(broker.url())
        .serverId(serverId)
        .journalDir(dir.resolve("journal"))
        .build();
  }

  private static ServerStarted started() {
    return new ServerStarted("game", "map", "1.0", 10);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
