package dev.gamingapi.agent.outlet.http;

import static dev.gamingapi.agent.outlet.http.HttpPollOutletTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.agent.outlet.HttpPushSettings;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.sdk.CommandRejectedException;
import dev.gamingapi.sdk.ReceivedCommand;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import dev.gamingapi.testkit.http.RecordingEndpoint.Answer;
import dev.gamingapi.testkit.http.RecordingEndpoint.Request;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The push outlet, posting to a real local HTTP endpoint that plays the game server. */
class HttpPushOutletTest {
  private final RecordingEndpoint game = RecordingEndpoint.start();

  @AfterEach
  void close() {
    game.close();
  }

  @Test
  void aCommandIsPostedAsJsonAndTheJsonAnswerIsTheOutput() throws Exception {
    game.answerAll(new Answer(200, 0, "{\"kicked\":\"Alice\"}"));
    try (HttpPushOutlet outlet = HttpPushOutlet.open(settings(Duration.ofSeconds(10)))) {
      assertThat(outlet.run(kick())).isEqualTo(json("{\"kicked\":\"Alice\"}"));
    }

    Request request = game.requests().getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("content-type")).isEqualTo("application/json");
    assertThat(json(request.text()))
        .isEqualTo(
            json(
                "{\"id\":\"c-1\",\"name\":\"kick\",\"args\":{\"player_id\":\"7656\"},"
                    + "\"delivery\":1}"));
  }

  @Test
  void aNoContentAnswerSucceedsWithoutOutput() throws Exception {
    try (HttpPushOutlet outlet = HttpPushOutlet.open(settings(Duration.ofSeconds(10)))) {
      assertThat(outlet.run(kick())).isNull();
    }
  }

  @Test
  void anErrorStatusFailsTheCommandWithTheStatusAndBody() throws Exception {
    game.answerAll(new Answer(409, 0, "{\"error\":\"no such player\"}"));
    try (HttpPushOutlet outlet = HttpPushOutlet.open(settings(Duration.ofSeconds(10)))) {
      assertThatThrownBy(() -> outlet.run(kick()))
          .isInstanceOf(OutletException.class)
          .hasMessage(
              "POST " + game.url("/commands") + " answered 409: {\"error\":\"no such player\"}");
    }
  }

  @Test
  void aCommandTheGameServerCallsMalformedIsRejectedForGood() throws Exception {
    game.answerAll(new Answer(422, 0, "{\"error\":\"player_id is required\"}"));
    try (HttpPushOutlet outlet = HttpPushOutlet.open(settings(Duration.ofSeconds(10)))) {
      assertThatThrownBy(() -> outlet.run(kick()))
          .isInstanceOf(CommandRejectedException.class)
          .hasMessage(
              "POST "
                  + game.url("/commands")
                  + " answered 422: {\"error\":\"player_id is required\"}");
    }
  }

  @Test
  void aGameServerThatDoesNotAnswerTimesOut() throws Exception {
    game.answerAll(Answer.hang());
    try (HttpPushOutlet outlet = HttpPushOutlet.open(settings(Duration.ofMillis(300)))) {
      assertThatThrownBy(() -> outlet.run(kick()))
          .isInstanceOf(OutletException.class)
          .hasMessage("POST " + game.url("/commands") + " timed out after 300 ms");
    }
  }

  @Test
  void aGameServerThatIsDownFailsTheCommandSayingWhere() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + FreePorts.next() + "/commands");
    HttpPushSettings settings = new HttpPushSettings(nowhere, Set.of("kick"), null);
    try (HttpPushOutlet outlet = HttpPushOutlet.open(settings)) {
      assertThatThrownBy(() -> outlet.run(kick()))
          .isInstanceOf(OutletException.class)
          .hasMessageStartingWith(
              "cannot reach " + nowhere + " (is the game server's HTTP endpoint up?)");
    }
  }

  private HttpPushSettings settings(Duration timeout) {
    return new HttpPushSettings(URI.create(game.url("/commands")), Set.of("kick"), timeout);
  }

  private static ReceivedCommand kick() throws IOException {
    return new ReceivedCommand("c-1", "kick", json("{\"player_id\":\"7656\"}"), 1, null, null);
  }
}
