package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.event.PlayerConnected;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event the broker refuses for good (a Permissions Violation) is not re-sent forever, holding up
 * every later event: it is moved to the journal directory's rejected.jsonl and reported; on a real
 * nats-server in operator mode whose user JWT allows one server's subjects only.
 */
class EventRejectedTest {
  @TempDir Path dir;

  @Test
  void anEventTheBrokerRefusesGoesToTheRejectedFileAndIsReported() throws Exception {
    try (OperatorBroker broker = OperatorBroker.start(dir)) {
      Path creds = broker.credsPublishingOnlyAs("eu-1");
      Path journal = dir.resolve("journal");
      var rejections = new CopyOnWriteArrayList<EventRejectedException>();
      try (GameServerClient client =
          GameServerClient.builder()
              .url(broker.url())
              .credentials(creds)
              .serverId("eu-2")
              .journalDir(journal)
              .onEventRejected(rejections::add)
              .build()) {
        String id = client.publish(new PlayerConnected("p1", "Alice", null));

        assertThatThrownBy(() -> client.flush(Duration.ofSeconds(5)))
            .isInstanceOf(EventRejectedException.class)
            .hasMessageStartingWith(
                "event " + id + " rejected by the broker (Permissions Violation")
            .hasMessageEndingWith("moved to " + journal.resolve("rejected.jsonl"));
        assertThat(rejections).hasSize(1);
        assertThat(client.pending()).isZero();

        List<String> lines = Files.readAllLines(journal.resolve("rejected.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode line = ContractJson.mapper().readTree(lines.getFirst());
        assertThat(line.path("id").asText()).isEqualTo(id);
        assertThat(line.path("subject").asText()).startsWith("v1.servers.eu-2.");
        assertThat(line.path("reason").asText()).startsWith("Permissions Violation");
        assertThat(line.path("data").path("name").asText()).isEqualTo("Alice");
        client.flush(Duration.ofSeconds(1)); // reported once
      }
    }
  }
}
