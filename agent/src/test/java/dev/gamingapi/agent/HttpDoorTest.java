package dev.gamingapi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.door.StdinDoor;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpDoorTest {
  private static final String CONNECTED =
      "{\"type\":\"player.connected\",\"id\":\"door-1\","
          + "\"data\":{\"player_id\":\"76561198000000001\",\"name\":\"Ada\"}}";
  @TempDir Path dir;

  @Test
  void anAcceptedPostIsInTheJournalEvenWhenTheBrokerIsDownAndTheAgentStops() throws Exception {
    int brokerPort = FreePorts.next(); // nothing listens yet
    int doorPort = FreePorts.next();
    Path config = config("nats://127.0.0.1:" + brokerPort, doorPort);
    try (Agent agent = Agent.start(AgentConfig.load(config))) {
      HttpResponse<String> response = post(doorPort, CONNECTED);
      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(response.body()).isEqualTo("{\"ids\":[\"door-1\"]}");
    } // stopped with the event unsent: it stays in the journal
    try (NatsServerProcess broker =
            NatsServerProcess.start(NatsServerProcess.tempDir(), brokerPort, "");
        Agent agent = Agent.start(AgentConfig.load(config))) {
      createStream(broker.url());
      await().until(() -> agent.servers().getFirst().client().pending() == 0);
      assertThat(TestBroker.storedIn(broker.url()))
          .extracting(TestBroker.Stored::id)
          .containsExactly("door-1");
    }
  }

  @Test
  void aBadFieldIsAProblemNamingItAndNothingOfTheBodyIsJournaled() throws Exception {
    int doorPort = FreePorts.next();
    Path config = config("nats://127.0.0.1:" + FreePorts.next(), doorPort);
    try (Agent agent = Agent.start(AgentConfig.load(config))) {
      String twoLines =
          CONNECTED
              + "\n"
              + "{\"type\":\"player.connected\",\"data\":{\"player_id\":\"no spaces!\",\"name\":\"B\"}}\n";
      HttpResponse<String> bad = post(doorPort, twoLines);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(bad.body())
          .contains("\"status\":400")
          .contains("\"line\":2")
          .contains("\"field\":\"data.player_id\"")
          .contains("no spaces!");

      HttpResponse<String> unknownType = post(doorPort, "{\"type\":\"player.flew\",\"data\":{}}");
      assertThat(unknownType.statusCode()).isEqualTo(400);
      assertThat(unknownType.body()).contains("\"field\":\"type\"");

      HttpResponse<String> missingName =
          post(doorPort, "{\"type\":\"player.connected\",\"data\":{\"player_id\":\"p1\"}}");
      assertThat(missingName.body()).contains("\"field\":\"data.name\"");

      assertThat(agent.servers().getFirst().client().pending()).isZero();
    }
  }

  @Test
  void standardInputTakesTheSameEventsAndAnswersEachLine() throws Exception {
    Path config = config("nats://127.0.0.1:" + FreePorts.next(), FreePorts.next());
    try (Agent agent = Agent.start(AgentConfig.load(config))) {
      ServerRuntime server = agent.servers().getFirst();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String input = CONNECTED + "\n{\"type\":\"server.started\"}\n";
      int refused =
          new StdinDoor(server.client(), server.counters())
              .run(
                  new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                  new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(refused).isEqualTo(1);
      assertThat(out.toString(StandardCharsets.UTF_8).lines())
          .containsExactly(
              "{\"ids\":[\"door-1\"]}",
              "{\"type\":\"https://gamingapi.dev/problems/invalid-event\",\"title\":\"Invalid"
                  + " event\",\"status\":400,\"detail\":\"line 1: data: is required and must be a"
                  + " JSON object\",\"errors\":[{\"line\":1,\"field\":\"data\",\"message\":\"is"
                  + " required and must be a JSON object\"}]}");
      assertThat(server.client().pending()).isEqualTo(1);
    }
  }

  private Path config(String url, int doorPort) throws Exception {
    return Files.writeString(
        dir.resolve("agent.yaml"),
        """
        state_dir: state
        status: { port: 0 }
        servers:
          - id: eu-1
            url: %s
            inputs:
              - { type: http-door, port: %d }
        """
            .formatted(url, doorPort));
  }

  private static void createStream(String url) throws Exception {
    TestBroker.createEvents(url);
  }

  private static HttpResponse<String> post(int port, String body) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/events"))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
