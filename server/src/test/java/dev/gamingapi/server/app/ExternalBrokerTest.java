package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.app.Clients.Client;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    }
  }
}
