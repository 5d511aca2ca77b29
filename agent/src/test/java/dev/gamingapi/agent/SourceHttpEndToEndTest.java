package dev.gamingapi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.testkit.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CS2's HTTP log posting ({@code logaddress_add_http}) to an agent started from its config: POST
 * bodies of log lines, in CS2's own line format, stored in a real nats-server under the server's
 * own credential.
 */
class SourceHttpEndToEndTest {
  private static final String ALICE = "76561197960290418"; // [U:1:24690]
  @TempDir Path dir;
  private TestBroker broker;
  private Agent agent;
  private int port;

  @BeforeEach
  void start() throws Exception {
    broker = TestBroker.start(dir, "eu-1");
    port = FreePorts.next();
    Path config =
        Files.writeString(
            dir.resolve("agent.yaml"),
            """
            state_dir: state
            status: { port: 0 }
            servers:
              - id: eu-1
                url: %s
                creds: eu-1.creds
                inputs:
                  - { type: source-http, port: %d, path: /logs, timezone: UTC }
            """
                .formatted(broker.url(), port));
    agent = Agent.start(AgentConfig.load(config));
  }

  @AfterEach
  void stop() {
    agent.close();
    broker.close();
  }

  @Test
  void postedLogLinesAreStoredAsTheEventsTheyImply() throws Exception {
    assertThat(
            post(
                "/logs",
                "12/07/2026 - 10:00:00.000 - Loading map \"de_dust2\"\n"
                    + "12/07/2026 - 10:00:01.250 - \"Alice<2><[U:1:24690]><>\" connected,"
                    + " address \"\"\r\n"))
        .isEqualTo(200);
    assertThat(
            post(
                "/logs",
                "12/07/2026 - 10:00:02.500 - \"Alice<2><[U:1:24690]><CT>\" say \"gg\"\n\n"
                    + "12/07/2026 - 10:00:03.000 - \"Alice<2><[U:1:24690]><CT>\" disconnected"
                    + " (reason \"Disconnect\")\n"))
        .isEqualTo(200);

    await().until(() -> broker.count() == 4);
    List<TestBroker.Stored> stored = broker.stored();
    assertThat(stored)
        .extracting(TestBroker.Stored::subject)
        .containsExactly(
            "v1.servers.eu-1.events.server.started",
            "v1.servers.eu-1.players." + ALICE + ".events.player.connected",
            "v1.servers.eu-1.players." + ALICE + ".events.player.chatted",
            "v1.servers.eu-1.players." + ALICE + ".events.player.disconnected");
    assertThat(stored.get(2).body()).contains("\"message\":\"gg\"");
    assertThat(agent.server("eu-1").orElseThrow().counters().get(Counter.LINES_READ)).isEqualTo(4);
  }

  @Test
  void postsElsewhereAndOtherMethodsAreRefusedAndStoreNothing() throws Exception {
    String line = "12/07/2026 - 10:00:00.000 - Loading map \"de_dust2\"\n";
    assertThat(post("/other", line)).isEqualTo(404);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest get = HttpRequest.newBuilder(uri("/logs")).GET().build();
      assertThat(http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode())
          .isEqualTo(405);
    }
    assertThat(post("/logs", "12/07/2026 - 10:00:09.000 - Log file closed\n")).isEqualTo(200);

    await().until(() -> broker.count() == 1);
    assertThat(broker.stored())
        .extracting(TestBroker.Stored::subject)
        .containsExactly("v1.servers.eu-1.events.server.stopped");
  }

  private int post(String path, String body) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
