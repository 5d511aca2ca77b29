package dev.gamingapi.agent.outlet.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.HttpPollSettings;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.ReceivedCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The long-poll outlet, with a test playing the game server over real HTTP. */
class HttpPollOutletTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpPollOutlet outlet;

  @AfterEach
  void close() {
    outlet.close();
    http.close();
  }

  @Test
  void aFetchedCommandCompletesWithTheOutputTheGameServerPosts() throws Exception {
    outlet = HttpPollOutlet.open(new HttpPollSettings(0, Set.of("kick"), Duration.ofMinutes(1)));
    Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
    CompletableFuture<JsonNode> result =
        runInBackground(
            new ReceivedCommand("c-1", "kick", json("{\"player_id\":\"7656\"}"), 2, null, expiry));

    HttpResponse<String> next = get("/commands/next?wait=30s");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(json(next.body()))
        .isEqualTo(
            json(
                "{\"id\":\"c-1\",\"name\":\"kick\",\"args\":{\"player_id\":\"7656\"},"
                    + "\"delivery\":2,\"expires_at\":\"2030-01-01T00:00:00Z\"}"));
    assertThat(
            post("/commands/c-1/result", "{\"ok\":true,\"output\":{\"kicked\":\"Alice\"}}")
                .statusCode())
        .isEqualTo(204);

    assertThat(result.get()).isEqualTo(json("{\"kicked\":\"Alice\"}"));
  }

  @Test
  void aFailureThatTheGameServerPostsFailsTheCommandWithItsReason() throws Exception {
    outlet = HttpPollOutlet.open(new HttpPollSettings(0, Set.of("kick"), Duration.ofMinutes(1)));
    CompletableFuture<JsonNode> result = runInBackground(command("c-2"));

    assertThat(get("/commands/next").statusCode()).isEqualTo(200);
    post("/commands/c-2/result", "{\"ok\":false,\"error\":\"no player 7656 online\"}");

    assertThatThrownBy(result::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(OutletException.class)
        .hasMessage("the game server failed it: no player 7656 online");
  }

  @Test
  void aCommandNobodyFetchesFailsAtTheTimeLimitAndIsWithdrawn() throws Exception {
    outlet = HttpPollOutlet.open(new HttpPollSettings(0, Set.of("kick"), Duration.ofMillis(200)));

    assertThatThrownBy(() -> outlet.run(command("c-3")))
        .isInstanceOf(OutletException.class)
        .hasMessage(
            "no game server fetched command c-3 from GET http://127.0.0.1:"
                + outlet.port()
                + "/commands/next within 200 ms");
    assertThat(get("/commands/next?wait=50ms").statusCode()).isEqualTo(204);
  }

  @Test
  void aFetchedCommandWithoutAResultFailsAndALateResultIsRefused() throws Exception {
    outlet = HttpPollOutlet.open(new HttpPollSettings(0, Set.of("kick"), Duration.ofSeconds(3)));
    CompletableFuture<JsonNode> result = runInBackground(command("c-4"));

    assertThat(get("/commands/next").statusCode()).isEqualTo(200);
    assertThatThrownBy(result::get)
        .cause()
        .hasMessage("the game server fetched command c-4 but posted no result within 3 s");
    HttpResponse<String> late = post("/commands/c-4/result", "{\"ok\":true}");
    assertThat(late.statusCode()).isEqualTo(404);
    assertThat(late.body()).contains("command c-4 waits for no result");
  }

  @Test
  void badRequestsAreAnsweredWithTheShapeExpected() throws Exception {
    outlet = HttpPollOutlet.open(new HttpPollSettings(0, Set.of("kick"), Duration.ofMinutes(1)));
    CompletableFuture<JsonNode> result = runInBackground(command("c-5"));
    assertThat(get("/commands/next").statusCode()).isEqualTo(200);

    assertThat(get("/commands/next?wait=soon").statusCode()).isEqualTo(400);
    assertThat(post("/commands/c-5/result", "{\"status\":\"done\"}").statusCode()).isEqualTo(400);
    assertThat(post("/commands/next", "{}").statusCode()).isEqualTo(405);
    assertThat(result).isNotDone();
    assertThat(post("/commands/c-5/result", "{\"ok\":true}").statusCode()).isEqualTo(204);
    assertThat(result.get()).isNull();
  }

  private CompletableFuture<JsonNode> runInBackground(ReceivedCommand command) {
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                result.complete(outlet.run(command));
              } catch (Exception e) {
                result.completeExceptionally(e);
              }
            });
    return result;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + outlet.port() + path);
  }

  private static ReceivedCommand command(String id) throws IOException {
    return new ReceivedCommand(id, "kick", json("{\"player_id\":\"7656\"}"), 1, null, null);
  }

  static JsonNode json(String text) throws IOException {
    return ContractJson.mapper().readTree(text);
  }
}
