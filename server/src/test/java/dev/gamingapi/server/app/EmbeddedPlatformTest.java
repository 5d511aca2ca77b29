package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.server.app.Clients.Client;
import dev.gamingapi.server.jwt.Jwts;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AccountLimits;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPlatformTest {
  private static final long MIB = 1024L * 1024;

  @TempDir Path dataDir;
  private Platform platform;

  private Platform startPlatform() {
    platform = new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))).start();
    return platform;
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void firstStartWritesOwnerOnlySecretsAndTheConnectionFile() throws Exception {
    ConnectionInfo info = startPlatform().connectionInfo();
    Path json = platform.writeConnectionInfo();

    for (Path secret :
        List.of(
            info.ownerCreds(), info.gameServerCreds().get("demo"), dataDir.resolve("master.key"))) {
      assertThat(secret).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
          .as(secret.toString())
          .isEqualTo("rw-------");
    }
    assertThat(info.ownerCreds()).isEqualTo(dataDir.resolve("creds/owner.creds"));
    assertThat(dataDir.resolve("nats/operator.jwt")).exists();
    assertThat(dataDir.resolve("nats/nats-server.conf")).content().contains("type: full");
    assertThat(Files.readString(json))
        .contains("\"broker_url\" : \"" + info.brokerUrl() + "\"")
        .contains("\"owner_creds\"")
        .contains("\"demo\"");
  }

  @Test
  void ownerSeesTheEventsStreamWithThePlanRetention() throws Exception {
    ConnectionInfo info = startPlatform().connectionInfo();

    try (Client owner = Clients.connect(info.brokerUrl(), info.ownerCreds())) {
      StreamConfiguration events =
          owner.connection().jetStreamManagement().getStreamInfo("EVENTS").getConfiguration();
      assertThat(events.getSubjects())
          .containsExactlyInAnyOrder("v1.servers.*.events.>", "v1.servers.*.players.*.events.>");
      assertThat(events.getStorageType()).isEqualTo(StorageType.File);
      assertThat(events.getDuplicateWindow()).isEqualTo(Duration.ofMinutes(2));
      assertThat(events.getMaxAge()).isEqualTo(Duration.ofDays(30));
      assertThat(events.getMaxBytes()).isEqualTo(768 * MIB);
    }
  }

  @Test
  void theResolverHoldsExactlyThePushedAccountAndItsLimitsApply() throws Exception {
    startPlatform();

    assertThat(platform.resolver().lookup(platform.defaultAccountPublicKey()))
        .contains(platform.defaultAccountJwt());
    assertThat(
            Jwts.decodeVerified(platform.defaultAccountJwt())
                .nats()
                .path("limits")
                .path("conn")
                .asLong())
        .isEqualTo(-1);
    try (Client owner =
        Clients.connect(
            platform.connectionInfo().brokerUrl(), platform.connectionInfo().ownerCreds())) {
      AccountLimits limits =
          owner.connection().jetStreamManagement().getAccountStatistics().getLimits();
      assertThat(limits.getMaxMemory()).isEqualTo(512 * MIB);
      assertThat(limits.getMaxStorage()).isEqualTo(1024 * MIB);
      assertThat(limits.getMaxStreams()).isEqualTo(10);
      assertThat(limits.getMaxConsumers()).isEqualTo(100);
      assertThat(owner.connection().getServerInfo().getMaxPayload()).isEqualTo(MIB);
    }
  }

  @Test
  void gameServerPublishesOnlyItsOwnEventsAndCannotSniffInboxes() throws Exception {
    ConnectionInfo info = startPlatform().connectionInfo();

    try (Client demo =
            Clients.connect(info.brokerUrl(), info.gameServerCreds().get("demo"), "_INBOX_demo");
        Client owner = Clients.connect(info.brokerUrl(), info.ownerCreds())) {
      PublishAck ack =
          demo.connection()
              .jetStream()
              .publish("v1.servers.demo.events.server.started", bytes("{}"));
      assertThat(ack.getStream()).isEqualTo("EVENTS");

      demo.connection().publish("v1.servers.other.events.server.started", bytes("{}"));
      demo.connection().flush(Duration.ofSeconds(2));
      await()
          .untilAsserted(
              () ->
                  assertThat(demo.errors())
                      .anyMatch(
                          e ->
                              e.contains("Permissions Violation")
                                  && e.contains("v1.servers.other")));

      demo.connection().subscribe("_INBOX.>");
      demo.connection().flush(Duration.ofSeconds(2));
      await()
          .untilAsserted(
              () ->
                  assertThat(demo.errors())
                      .anyMatch(
                          e -> e.contains("Permissions Violation") && e.contains("_INBOX.>")));

      assertThat(demo.connection().getStatus())
          .isEqualTo(io.nats.client.Connection.Status.CONNECTED);
      JetStreamManagement jsm = owner.connection().jetStreamManagement();
      assertThat(jsm.getStreamInfo("EVENTS").getStreamState().getMsgCount()).isEqualTo(1);
    }
  }

  @Test
  void restartReusesKeysStreamDataAndCreds() throws Exception {
    ConnectionInfo first = startPlatform().connectionInfo();
    String operatorKey = platform.operatorPublicKey();
    String accountKey = platform.defaultAccountPublicKey();
    String ownerCreds = Files.readString(first.ownerCreds());
    try (Client demo =
        Clients.connect(first.brokerUrl(), first.gameServerCreds().get("demo"), "_INBOX_demo")) {
      demo.connection().jetStream().publish("v1.servers.demo.events.server.started", bytes("{}"));
    }
    platform.close();

    ConnectionInfo second = startPlatform().connectionInfo();

    assertThat(platform.operatorPublicKey()).isEqualTo(operatorKey);
    assertThat(platform.defaultAccountPublicKey()).isEqualTo(accountKey);
    assertThat(Files.readString(second.ownerCreds())).isEqualTo(ownerCreds);
    try (Client demo =
            Clients.connect(
                second.brokerUrl(), second.gameServerCreds().get("demo"), "_INBOX_demo");
        Client owner = Clients.connect(second.brokerUrl(), second.ownerCreds())) {
      demo.connection().jetStream().publish("v1.servers.demo.events.server.stopped", bytes("{}"));
      assertThat(
              owner
                  .connection()
                  .jetStreamManagement()
                  .getStreamInfo("EVENTS")
                  .getStreamState()
                  .getMsgCount())
          .isEqualTo(2);
    }
  }

  @Test
  void supervisorRestartsAKilledBrokerAndClientsPublishAgain() throws Exception {
    ConnectionInfo info = startPlatform().connectionInfo();
    var broker = platform.embeddedBroker().orElseThrow();
    long killedPid = broker.pid();

    try (Client demo =
        Clients.connect(info.brokerUrl(), info.gameServerCreds().get("demo"), "_INBOX_demo")) {
      demo.connection().jetStream().publish("v1.servers.demo.events.server.started", bytes("{}"));
      ProcessHandle.of(killedPid).orElseThrow().destroyForcibly();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> broker.isRunning() && broker.pid() != killedPid);
      assertThat(broker.restarts()).isEqualTo(1);
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .untilAsserted(
              () ->
                  assertThat(
                          demo.connection()
                              .jetStream()
                              .publish("v1.servers.demo.events.server.restarted", bytes("{}"))
                              .getSeqno())
                      .isEqualTo(2));
    }
    assertThat(dataDir.resolve("nats/nats-server.log")).content().contains("Server is ready");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
