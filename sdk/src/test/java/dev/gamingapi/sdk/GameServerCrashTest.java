package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A game server killed with events still in its journal loses none of them. */
class GameServerCrashTest {
  @TempDir Path journal;

  @Test
  void eventsJournaledByAKilledProcessAreDeliveredOnceByTheNextClient() throws Exception {
    int port = FreePorts.next(); // nothing listens yet: the broker is down
    String url = "nats://127.0.0.1:" + port;
    int count = 5_000;
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                JournalingGameServer.class.getName(),
                url,
                journal.toString(),
                "crashy",
                Integer.toString(count))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> published = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); !"DONE".equals(line); line = out.readLine()) {
        assertThat(line).as("child output ended early").isNotNull();
        published.add(line);
      }
    } finally {
      child.destroyForcibly().waitFor(); // SIGKILL: no close, no shutdown hook
    }
    assertThat(published).hasSize(count);

    try (NatsServerProcess broker =
        NatsServerProcess.start(NatsServerProcess.tempDir(), port, "")) {
      TestStreams.createEvents(url);
      try (GameServerClient client =
          GameServerClient.builder().url(url).serverId("crashy").journalDir(journal).build()) {
        assertThat(client.pending()).isEqualTo(count);
        client.flush(Duration.ofSeconds(30));
      }
      List<String> stored = TestStreams.storedIds(url);
      assertThat(stored).hasSize(count).isEqualTo(published);
      assertThat(new HashSet<>(stored)).hasSize(count);
    }
  }
}
