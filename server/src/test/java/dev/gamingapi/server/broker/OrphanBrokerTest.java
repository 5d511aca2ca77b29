package dev.gamingapi.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.testkit.FreePorts;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrphanBrokerTest {
  @TempDir Path dataDir;

  @Test
  void aBrokerLeftRunningByAKilledPlatformIsStoppedAndReplaced() throws Exception {
    PlatformConfig config = PlatformConfig.embedded(dataDir, FreePorts.next());
    new Platform(PlatformSettings.of(config)).start().close();
    Path conf = dataDir.resolve("nats/nats-server.conf");
    // What a SIGKILLed platform leaves behind: its child, still running with the same config.
    Process orphan =
        new ProcessBuilder(List.of(NatsServerExecutable.find().toString(), "-c", conf.toString()))
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("orphan.log").toFile())
            .start();
    awaitPidFile(orphan.pid());

    try (Platform platform = new Platform(PlatformSettings.of(config)).start()) {
      assertThat(orphan.waitFor(15, TimeUnit.SECONDS)).as("orphan stopped").isTrue();
      long pid = platform.embeddedBroker().orElseThrow().pid();
      assertThat(pid).isNotEqualTo(orphan.pid());
      Options options =
          Options.builder()
              .server(platform.connectionInfo().brokerUrl())
              .authHandler(Nats.credentials(platform.connectionInfo().ownerCreds().toString()))
              .build();
      try (Connection connection = Nats.connect(options)) {
        assertThat(connection.jetStreamManagement().getStreamNames()).contains("EVENTS");
      }
    } finally {
      orphan.destroyForcibly();
    }
  }

  private void awaitPidFile(long pid) {
    Path pidFile = dataDir.resolve("nats/nats-server.pid");
    Awaitility.await("the orphan's pid file")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(25))
        .ignoreException(java.io.IOException.class) // the orphan has not written it yet
        .until(() -> Files.readString(pidFile).strip().equals(String.valueOf(pid)));
  }
}
