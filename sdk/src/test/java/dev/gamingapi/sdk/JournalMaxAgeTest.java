package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.Resends;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event that waited in the journal longer than its max age is not sent (the platform no longer
 * promises to recognize a re-send that late): it goes to rejected.jsonl and is reported as an
 * {@link EventExpiredException}; one that waited exactly the max age is sent. The journal's clock
 * is moved to the edge; the broker is a real nats-server, down while the events are journaled.
 */
class JournalMaxAgeTest {
  private static final Duration MAX_AGE = Duration.ofHours(1);
  private static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

  @TempDir Path journal;

  @Test
  void anEventOlderThanTheMaxAgeGoesToTheRejectedFileAndOneAtTheEdgeIsSent() throws Exception {
    int port = FreePorts.next(); // nothing listens yet: the broker is down
    String url = "nats://127.0.0.1:" + port;
    MovableClock clock = new MovableClock(T0);
    String late;
    String edge;
    try (GameServerClient client = client(url, clock, new CopyOnWriteArrayList<>())) {
      late = client.publish(new PlayerConnected("p1", "Alice", null));
      clock.set(T0 + 1);
      edge = client.publish(new PlayerConnected("p2", "Bob", null));
    }

    clock.set(T0 + 1 + MAX_AGE.toMillis()); // edge waited exactly the max age, late 1 ms more
    var rejections = new CopyOnWriteArrayList<EventRejectedException>();
    try (NatsServerProcess broker =
        NatsServerProcess.start(NatsServerProcess.tempDir(), port, "")) {
      TestStreams.createEvents(url);
      try (GameServerClient client = client(url, clock, rejections)) {
        assertThatThrownBy(() -> client.flush(Duration.ofSeconds(10)))
            .isInstanceOf(EventExpiredException.class)
            .hasMessageStartingWith(
                "event "
                    + late
                    + " not sent: it waited PT1H0.001S in the journal, more than its"
                    + " max age of PT1H");
        assertThat(client.pending()).isZero();
      }
      assertThat(TestStreams.storedIds(url)).containsExactly(edge);
    }
    assertThat(rejections).hasSize(1);
    assertThat(rejections.getFirst().eventId()).isEqualTo(late);
    List<String> lines = Files.readAllLines(journal.resolve("rejected.jsonl"));
    assertThat(lines).hasSize(1);
    JsonNode line = ContractJson.mapper().readTree(lines.getFirst());
    assertThat(line.path("id").asText()).isEqualTo(late);
    assertThat(line.path("reason").asText()).startsWith("waited PT1H0.001S in the journal");
    assertThat(line.path("data").path("name").asText()).isEqualTo("Alice");
  }

  @Test
  void aMaxAgeBeyondWhatThePlatformRecognizesIsRefused() {
    assertThatThrownBy(
            () -> GameServerClient.builder().journalMaxAge(Resends.MAX_JOURNAL_AGE.plusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journalMaxAge must be positive and at most PT168H, got PT168H0.001S");
  }

  private GameServerClient client(
      String url, Clock clock, List<EventRejectedException> rejections) {
    return GameServerClient.builder()
        .url(url)
        .serverId("eu-1")
        .journalDir(journal)
        .journalMaxAge(MAX_AGE)
        .clock(clock)
        .onEventRejected(rejections::add)
        .build();
  }

  /** A clock the test sets. */
  private static final class MovableClock extends Clock {
    private final AtomicLong millis;

    MovableClock(long millis) {
      this.millis = new AtomicLong(millis);
    }

    void set(long value) {
      millis.set(value);
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
