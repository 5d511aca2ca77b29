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
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  private void awaitPidFile(long pid) throws InterruptedException {
    Path pidFile = dataDir.resolve("nats/nats-server.pid");
    for (int i = 0; i < 200; i++) {
      try {
        if (Files.readString(pidFile).strip().equals(String.valueOf(pid))) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // the orphan has not written it yet
      }
      Thread.sleep(25);
    }
    throw new AssertionError("orphan did not write its pid file");
  }
}
