package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full journal refuses or blocks, and never drops what it already holds. */
class JournalFullTest {
  private static final long SMALL_JOURNAL = 8 * 1024;

  @TempDir Path journal;
  private final int port = FreePorts.next(); // the broker starts down
  private final String url = "nats://127.0.0.1:" + port;

  @Test
  void refuseThrowsAtOnceWhileTheBrokerIsDownAndKeepsWhatItAccepted() throws Exception {
    List<String> accepted = new ArrayList<>();
    try (GameServerClient client = client(JournalFullPolicy.REFUSE, Duration.ofSeconds(30))) {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  accepted.add(client.publish(BrokerCrashTest.chat(i)));
                }
              })
          .isInstanceOf(JournalFullException.class)
          .hasMessageContaining("REFUSE")
          .hasMessageContaining("not connected");
      assertThat(accepted).isNotEmpty().hasSizeLessThan(1_000);
      assertThat(client.pending()).isEqualTo(accepted.size());
      try (NatsServerProcess broker = startBroker()) {
        client.flush(Duration.ofSeconds(30));
        assertThat(TestStreams.storedIds(broker.url())).isEqualTo(accepted);
      }
    }
  }

  @Test
  void blockGivesUpAfterMaxBlock() {
    try (GameServerClient client = client(JournalFullPolicy.BLOCK, Duration.ofMillis(200))) {
      assertThatThrownBy(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  client.publish(BrokerCrashTest.chat(i));
                }
              })
          .isInstanceOf(JournalFullException.class)
          .hasMessageContaining("BLOCK");
    }
  }

  @Test
  void blockUnblocksWhenTheBrokerReturns() throws Exception {
    int count = 200;
    try (GameServerClient client = client(JournalFullPolicy.BLOCK, Duration.ofMinutes(2))) {
      CompletableFuture<List<String>> publishing =
          CompletableFuture.supplyAsync(
              () -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                  ids.add(client.publish(BrokerCrashTest.chat(i)));
                }
                return ids;
              });
      long stuckAt = awaitStuck(client);
      assertThat(stuckAt).isLessThan(count);
      assertThat(publishing).isNotDone();
      try (NatsServerProcess broker = startBroker()) {
        List<String> published = publishing.get();
        client.flush(Duration.ofSeconds(30));
        assertThat(TestStreams.storedIds(broker.url())).isEqualTo(published);
      }
    }
  }

  /** Waits until pending() stops growing: the publisher is blocked on the full journal. */
  private static long awaitStuck(GameServerClient client) {
    long[] last = {-1};
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              long now = client.pending();
              boolean same = now > 0 && now == last[0];
              last[0] = now;
              return same;
            });
    return last[0];
  }

  private NatsServerProcess startBroker() throws Exception {
    NatsServerProcess broker = NatsServerProcess.start(NatsServerProcess.tempDir(), port, "");
    TestStreams.createEvents(url);
    return broker;
  }

  private GameServerClient client(JournalFullPolicy policy, Duration maxBlock) {
    return GameServerClient.builder()
        .url(url)
        .serverId("full")
        .journalDir(journal)
        .journalMaxBytes(SMALL_JOURNAL)
        .whenJournalFull(policy)
        .maxBlock(maxBlock)
        .build();
  }
}
