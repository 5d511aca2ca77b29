package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.app.Clients.Client;
import dev.gamingapi.server.testing.Scrape;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalBrokerTest {
  @TempDir Path tmp;

  @Test
  void platformPushesTheDefaultAccountToAnExternalBrokerAndProvisionsIt() throws Exception {
    OperatorFixture operator = OperatorFixture.create(tmp.resolve("operator"));
    try (NatsServerProcess broker =
            NatsServerProcess.start(
                tmp.resolve("broker"), FreePorts.next(), operator.serverConfig());
        Platform platform =
            new Platform(
                    PlatformSettings.of(operator.platformConfig(tmp.resolve("data"), broker.url())))
                .start()) {
      ConnectionInfo info = platform.connectionInfo();

      assertThat(platform.embeddedBroker()).isEmpty();
      assertThat(info.brokerUrl()).isEqualTo(broker.url());
      assertThat(tmp.resolve("data/nats")).doesNotExist();
      assertThat(platform.resolver().lookup(platform.defaultAccountPublicKey()))
          .contains(platform.defaultAccountJwt());
      try (Client demo =
              Clients.connect(info.brokerUrl(), info.gameServerCreds().get("demo"), "_INBOX_demo");
          Client owner = Clients.connect(info.brokerUrl(), info.ownerCreds())) {
        demo.connection()
            .jetStream()
            .publish(
                "v1.servers.demo.events.server.started", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(
                owner
                    .connection()
                    .jetStreamManagement()
                    .getStreamInfo("EVENTS")
                    .getStreamState()
                    .getMsgCount())
            .isEqualTo(1);
      }

      // What the GamingApiBrokerDown alert reads: down while the broker is, up again after.
      assertThat(brokerUp(platform)).isEqualTo(1.0);
      broker.kill();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> brokerUp(platform) == 0.0);
      broker.start();
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> brokerUp(platform) == 1.0);
    }
  }

  /** {@code gamingapi_broker_up} as {@code /metrics} on the REST port serves it now. */
  private static double brokerUp(Platform platform) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return Scrape.of(
              http,
              URI.create(platform.connectionInfo().httpUrl() + "/metrics"),
              Files.readString(platform.connectionInfo().operatorToken()).strip())
          .value("gamingapi_broker_up", Map.of());
    }
  }
}
