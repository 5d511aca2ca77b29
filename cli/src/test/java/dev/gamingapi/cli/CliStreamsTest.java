package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gamingapi streams backup} and {@code restore} against a running {@code gamingapi up}. */
class CliStreamsTest {
  @TempDir Path dir;

  @Test
  void aTenantsEventsBackedUpDeletedAndRestoredComeBackWithTheirSequences() throws Exception {
    try (LocalUp platform = LocalUp.start(dir);
        Connection owner =
            Nats.connect(
                Options.builder()
                    .server(platform.brokerUrl)
                    .authHandler(Nats.credentials(platform.creds("owner")))
                    .build())) {
      for (int i = 0; i < 20; i++) {
        owner.jetStream().publish("v1.servers.demo.events.server.started", "{}".getBytes());
      }
      Path backup = dir.resolve("backup");
      String[] common = {"--url", platform.brokerUrl, "--creds", platform.creds("owner")};

      CliRun saved =
          CliRun.of(concat(new String[] {"streams", "backup", "--to", backup.toString()}, common));
      assertThat(saved.exitCode()).as(saved.err()).isZero();
      assertThat(saved.out()).contains("EVENTS:").contains("COMMANDS:");
      assertThat(Files.exists(backup.resolve("EVENTS.snapshot"))).isTrue();

      JetStreamManagement jsm = owner.jetStreamManagement();
      jsm.deleteStream("EVENTS");
      CliRun refused =
          CliRun.of(
              concat(
                  new String[] {
                    "streams", "restore", "--from", backup.toString(), "--stream", "COMMANDS"
                  },
                  common));
      assertThat(refused.exitCode()).as("COMMANDS still exists").isEqualTo(1);
      assertThat(refused.err()).contains("COMMANDS");

      CliRun restored =
          CliRun.of(
              concat(
                  new String[] {
                    "streams", "restore", "--from", backup.toString(), "--stream", "EVENTS"
                  },
                  common));
      assertThat(restored.exitCode()).as(restored.err()).isZero();
      assertThat(jsm.getStreamInfo("EVENTS").getStreamState().getLastSequence()).isEqualTo(20);
    }
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
