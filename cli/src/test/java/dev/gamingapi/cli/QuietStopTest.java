package dev.gamingapi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping `up` (SIGTERM, or Ctrl+C) closes the platform before the broker: the broker's own exit
 * hook killed nats-server while the platform was still closing, and the JVM halted mid-close, so a
 * clean stop logged every connection's "Read channel closed" and ConnectException, and the
 * supervisor's "exited unexpectedly; restarting".
 */
class QuietStopTest {
  @TempDir Path dir;

  @Test
  void aStoppedUpLogsNoLostConnection() throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process up =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    GamingApiCommand.class.getName(),
                    "up",
                    "--data-dir",
                    dir.resolve("data").toString(),
                    "--http-port",
                    "0",
                    "--nats-port",
                    "0"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> !up.isAlive() || Files.readString(out).contains("Press Ctrl+C to stop."));
      assertThat(up.isAlive()).as(Files.readString(err)).isTrue();

      up.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl+C

      assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      up.destroyForcibly();
    }
    String log = Files.readString(err);
    assertThat(Files.readString(out)).contains("Stopping GamingAPI ...");
    assertThat(log)
        .doesNotContain("ConnectException")
        .doesNotContain("Read channel closed")
        .doesNotContain("exited unexpectedly");
  }
}
