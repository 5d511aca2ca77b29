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
 * Stopping `up` with Ctrl+C (which signals the terminal's whole process group) closes the platform
 * before the broker: nats-server, in the same group, stopped at once under the platform, so a clean
 * stop logged every connection's "Read channel closed" and ConnectException, and the supervisor's
 * "exited unexpectedly; restarting".
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
                    // A process group of its own, as a shell gives a foreground command.
                    "setsid",
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

      // The whole group, as Ctrl+C in a terminal signals it (SIGTERM rather than SIGINT, which a
      // background child may ignore): the JVM's shutdown hooks run, and nats-server stopped too.
      new ProcessBuilder("kill", "-TERM", "--", "-" + up.pid()).inheritIO().start().waitFor();

      assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      up.destroyForcibly();
    }
    String log = Files.readString(err);
    // Printed once the platform is closed: the JVM no longer halts in the middle of it.
    assertThat(Files.readString(out))
        .contains("Stopping GamingAPI ...")
        .contains("GamingAPI stopped.");
    assertThat(log)
        .doesNotContain("ConnectException")
        .doesNotContain("Read channel closed")
        .doesNotContain("exited unexpectedly");
  }
}
