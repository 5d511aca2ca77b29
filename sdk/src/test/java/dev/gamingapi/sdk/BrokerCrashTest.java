package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.testkit.NatsServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events published while the broker crashes and comes back are stored once each, in order. */
class BrokerCrashTest {
  @TempDir Path journal;

  @Test
  void everyEventIsStoredExactlyOnceInOrderAcrossABrokerKill() throws Exception {
    int total = 100_000;
    List<String> published = new ArrayList<>(total);
    try (NatsServerProcess broker = NatsServerProcess.startJetStream()) {
      TestStreams.createEvents(broker.url());
      try (GameServerClient client =
          GameServerClient.builder().url(broker.url()).serverId("s1").journalDir(journal).build()) {
        for (int i = 0; i < total; i++) {
          if (i == 30_000) {
            broker.kill(); // SIGKILL with publishes in flight
          }
          if (i == 50_000) {
            broker.start(); // same port, same store
          }
          published.add(client.publish(chat(i)));
        }
        client.flush(Duration.ofSeconds(60));
        assertThat(client.pending()).isZero();
      }
      List<String> stored = TestStreams.storedIds(broker.url());
      assertThat(stored).hasSize(total);
      assertThat(new HashSet<>(stored)).hasSize(total).isEqualTo(new HashSet<>(published));
      assertThat(stored).isEqualTo(published);
    }
  }

  static PlayerChatted chat(int i) {
    return new PlayerChatted("p" + (i % 50), "Player " + (i % 50), "message " + i, "global");
  }
}
