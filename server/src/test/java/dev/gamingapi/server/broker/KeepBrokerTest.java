package dev.gamingapi.server.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.testkit.FreePorts;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code GAMINGAPI_KEEP_BROKER} the embedded broker outlives the platform, and the next start
 * adopts it rather than waiting for a new one to restore every stream; without it, a start stops
 * what was left and starts its own, as for an orphan.
 */
class KeepBrokerTest {
  @TempDir Path dataDir;

  @Test
  void aKeptBrokerIsAdoptedByTheNextStartAndReplacedByOneThatDoesNotKeepIt() throws Exception {
    PlatformConfig keeping =
        PlatformConfig.embedded(dataDir, FreePorts.next()).toBuilder().keepBroker(true).build();
    long kept;
    try (Platform platform = new Platform(PlatformSettings.of(keeping)).start()) {
      kept = platform.embeddedBroker().orElseThrow().pid();
      publish(platform, "kept.1");
    }
    Optional<ProcessHandle> left = ProcessHandle.of(kept);
    assertThat(left).as("left running by close()").isPresent();
    assertThat(left.get().isAlive()).isTrue();

    try (Platform platform = new Platform(PlatformSettings.of(keeping)).start()) {
      assertThat(platform.embeddedBroker().orElseThrow().pid()).as("adopted").isEqualTo(kept);
      assertThat(lastSequence(platform)).as("the event is in the adopted broker").isEqualTo(1);
      publish(platform, "kept.2");
    }

    PlatformConfig stopping = keeping.toBuilder().keepBroker(false).build();
    long own;
    try (Platform platform = new Platform(PlatformSettings.of(stopping)).start()) {
      own = platform.embeddedBroker().orElseThrow().pid();
      assertThat(own).as("not adopted without keepBroker").isNotEqualTo(kept);
      assertThat(left.get().onExit().get(15, TimeUnit.SECONDS).isAlive()).isFalse();
      assertThat(lastSequence(platform)).as("nothing lost in the swap").isEqualTo(2);
    }
    assertThat(ProcessHandle.of(own).map(ProcessHandle::isAlive).orElse(false))
        .as("stopped by close() without keepBroker")
        .isFalse();
  }

  @Test
  void aKeptBrokerRunningAnotherConfigIsReplaced() throws Exception {
    PlatformConfig keeping =
        PlatformConfig.embedded(dataDir, FreePorts.next()).toBuilder().keepBroker(true).build();
    long kept;
    try (Platform platform = new Platform(PlatformSettings.of(keeping)).start()) {
      kept = platform.embeddedBroker().orElseThrow().pid();
    }
    PlatformConfig moved = keeping.toBuilder().natsPort(FreePorts.next()).build();
    try (Platform platform = new Platform(PlatformSettings.of(moved)).start()) {
      assertThat(platform.embeddedBroker().orElseThrow().pid()).isNotEqualTo(kept);
      assertThat(ProcessHandle.of(kept).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    } finally {
      ProcessHandle.of(kept).ifPresent(ProcessHandle::destroyForcibly);
    }
    // The platform above kept its own broker too: stop it as a platform that does not keep one.
    new Platform(PlatformSettings.of(moved.toBuilder().keepBroker(false).build())).start().close();
  }

  private static void publish(Platform platform, String subjectSuffix) throws Exception {
    try (Connection connection = connect(platform)) {
      connection
          .jetStream()
          .publish(Subjects.serverEvents("s1", subjectSuffix.replace('.', '-')), new byte[0]);
    }
  }

  private static long lastSequence(Platform platform)
      throws IOException, JetStreamApiException, InterruptedException {
    try (Connection connection = connect(platform)) {
      return connection
          .jetStreamManagement()
          .getStreamInfo("EVENTS")
          .getStreamState()
          .getLastSequence();
    }
  }

  private static Connection connect(Platform platform) throws IOException, InterruptedException {
    Options options =
        Options.builder()
            .server(platform.connectionInfo().brokerUrl())
            .authHandler(Nats.credentials(platform.connectionInfo().ownerCreds().toString()))
            .build();
    return Nats.connect(options);
  }
}
