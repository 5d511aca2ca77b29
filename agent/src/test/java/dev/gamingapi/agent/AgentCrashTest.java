package dev.gamingapi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent process, killed with SIGKILL (no shutdown hook, no flush) at random points while the
 * log file it tails grows, and started again each time: every line is stored exactly once in a real
 * nats-server. A line journaled but not yet marked as read is read again after the restart with the
 * same event id, which the broker's de-duplication drops.
 */
class AgentCrashTest {
  private static final int LINES = 3000;
  @TempDir Path dir;

  @Test
  void killingTheAgentAtRandomPointsNeitherLosesNorRepeatsALine() throws Exception {
    Random random = new Random();
    Path log = dir.resolve("game.log");
    List<String> written = new ArrayList<>();
    try (TestBroker broker = TestBroker.start(dir, "eu-1")) {
      Path config = config(broker.url(), log);
      Thread writer = Thread.ofPlatform().start(() -> write(log, written, random));
      int kills = 0;
      List<Long> storedAtKills = new ArrayList<>();
      while (writer.isAlive() || kills < 3) {
        long before = broker.count();
        Process agent = start(config, kills);
        // Killed only once this run has stored something (or there is nothing left to store):
        // on a loaded machine the JVM's start alone can outlast a random delay, and then no kill
        // ever falls mid-stream. The random part then picks a point while it publishes.
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> broker.count() > before || doneStoring(writer, broker, written));
        Thread.sleep(random.nextInt(300)); // a random point within the publishing, not a wait
        agent.destroyForcibly().waitFor(); // SIGKILL
        kills++;
        storedAtKills.add(broker.count());
      }
      writer.join();
      Process last = start(config, kills);
      try {
        await().atMost(Duration.ofMinutes(1)).until(() -> broker.count() >= LINES);
      } finally {
        last.destroy(); // SIGTERM: a clean stop this time
        last.waitFor();
      }
      List<TestBroker.Stored> stored = broker.stored();
      assertThat(stored).extracting(TestBroker.Stored::id).doesNotHaveDuplicates();
      assertThat(stored).extracting(AgentCrashTest::lineOf).containsExactlyElementsOf(written);
      // Some kills fell while lines were being stored, not only before or after.
      assertThat(storedAtKills).anyMatch(count -> count > 0 && count < LINES);
    }
  }

  private static boolean doneStoring(Thread writer, TestBroker broker, List<String> written)
      throws Exception {
    synchronized (written) {
      return !writer.isAlive() && broker.count() >= written.size();
    }
  }

  /** Starts {@code AgentMain} in a JVM of its own and waits until it says it runs. */
  private Process start(Path config, int run) throws IOException {
    Path output = dir.resolve("agent-" + run + ".out");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                AgentMain.class.getName(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> Files.readString(output).contains("gamingapi-agent started"));
    return process;
  }

  private Path config(String url, Path log) throws IOException {
    return Files.writeString(
        dir.resolve("agent.yaml"),
        """
        state_dir: state
        status: { port: 0 }
        servers:
          - id: eu-1
            url: %s
            creds: eu-1.creds
            inputs:
              - { type: log-file, name: game, path: %s, format: lines, poll_ms: 10 }
        """
            .formatted(url, log));
  }

  /** Appends the lines in bursts, so that kills fall while the file grows. */
  private static void write(Path log, List<String> written, Random random) {
    try {
      for (int i = 0; i < LINES; i++) {
        String line = "line " + i + " " + "x".repeat(random.nextInt(60));
        Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        synchronized (written) {
          written.add(line);
        }
        if (i % 20 == 0) {
          Thread.sleep(40 + random.nextInt(60));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String lineOf(TestBroker.Stored stored) {
    try {
      JsonNode body = ContractJson.mapper().readTree(stored.body());
      return body.path("data").path("line").asText(body.path("line").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
