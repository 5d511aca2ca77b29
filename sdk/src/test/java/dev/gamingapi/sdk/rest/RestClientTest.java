package dev.gamingapi.sdk.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.ApiUnreachableException;
import dev.gamingapi.sdk.InvalidRequestException;
import dev.gamingapi.sdk.NotPermittedException;
import dev.gamingapi.sdk.ResourceNotFoundException;
import dev.gamingapi.sdk.rest.ScriptedApi.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client against a real HTTP server on a free port, answering as each test scripts. */
class RestClientTest {
  private final ScriptedApi api = new ScriptedApi();
  private final RestClient client =
      RestClient.builder().url(api.url() + "/api/v1/").token("gapi_test").build();

  @AfterEach
  void stop() {
    client.close();
    api.close();
  }

  @Test
  void aGetSendsTheBearerTokenAndAnswersTheJson() throws Exception {
    api.answer(200, "{\"name\":\"acme\",\"plan\":\"standard\"}");

    JsonNode account = client.get(RestClient.path("accounts", "acme corp"));

    assertThat(account.path("plan").asText()).isEqualTo("standard");
    Received request = api.take();
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.uri()).isEqualTo("/api/v1/accounts/acme%20corp");
    assertThat(request.authorization()).isEqualTo("Bearer gapi_test");
    assertThat(request.contentType()).isNull();
    assertThat(request.body()).isEmpty();
  }

  /** A request body of the kind the CLI and the bench send. */
  private record NewRule(String kind, List<String> eventTypes, Integer ratePerMinute, Instant at) {}

  @Test
  void aRecordBodyIsWrittenInSnakeCaseWithoutItsNullParts() throws Exception {
    api.answer(201, "{\"id\":\"ntf_1\"}");

    RestResponse created =
        client.send(
            "POST",
            "/accounts/acme/notifications",
            new NewRule(
                "discord", List.of("player.*"), null, Instant.parse("2027-01-01T00:00:00Z")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().path("id").asText()).isEqualTo("ntf_1");
    Received request = api.take();
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.body())
        .isEqualTo(
            "{\"kind\":\"discord\",\"event_types\":[\"player.*\"],\"at\":\"2027-01-01T00:00:00Z\"}");
  }

  @Test
  void aMapBodyKeepsItsKeysAndAnEmptyAnswerIsNull() throws Exception {
    api.answer(204, "");

    assertThat(client.patch("/accounts/acme", Map.of("plan", "pro"))).isNull();

    Received request = api.take();
    assertThat(request.method()).isEqualTo("PATCH");
    assertThat(request.body()).isEqualTo("{\"plan\":\"pro\"}");
  }

  @Test
  void aProblemIsThrownAsItsTypedExceptionWithTheDetail() {
    api.problem(404, "not-found", "account 'nope' does not exist");
    api.problem(409, "conflict", "account 'acme' already exists");
    api.problem(401, "unauthorized", "the token is unknown, revoked or expired");
    api.problem(503, "unavailable", "the broker is unavailable");

    assertThatThrownBy(() -> client.get("/accounts/nope"))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.type()).isEqualTo("not-found");
              assertThat(e.detail()).isEqualTo("account 'nope' does not exist");
            });
    assertThatThrownBy(() -> client.post("/accounts", Map.of("name", "acme")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("HTTP 409 conflict: account 'acme' already exists");
    assertThatThrownBy(() -> client.get("/accounts"))
        .isInstanceOfSatisfying(
            NotPermittedException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThatThrownBy(() -> client.delete("/accounts/acme"))
        .isExactlyInstanceOf(ApiProblemException.class)
        .hasMessageContaining("the broker is unavailable");
  }

  @Test
  void anAnswerThatIsNoProblemSaysItMayNotBeAGamingApiServer() {
    api.answer(502, "text/html", "<html>Bad Gateway</html>");
    api.answer(200, "text/html", "<html>Welcome</html>");

    assertThatThrownBy(() -> client.get("/plans"))
        .isInstanceOfSatisfying(
            ApiProblemException.class,
            e ->
                assertThat(e.detail())
                    .isEqualTo(
                        "HTTP 502 from "
                            + api.url()
                            + "/api/v1/plans (is this a GamingAPI server?)"));
    assertThatThrownBy(() -> client.get("/plans"))
        .hasMessage(
            "the answer of "
                + api.url()
                + "/api/v1/plans is not JSON (is this a GamingAPI server?)");
  }

  @Test
  void listFollowsTheCursorsUpToTheLimit() throws Exception {
    api.answer(200, "{\"items\":[{\"n\":1},{\"n\":2}],\"next_cursor\":\"c 2\"}");
    api.answer(200, "{\"items\":[{\"n\":3}],\"next_cursor\":\"c3\"}");

    JsonNode all = client.list("/accounts?plan=pro", 3, 2);

    assertThat(all.path("items")).hasSize(3);
    assertThat(all.path("next_cursor").asText()).isEqualTo("c3");
    assertThat(api.take().uri()).isEqualTo("/api/v1/accounts?plan=pro&limit=2");
    assertThat(api.take().uri()).isEqualTo("/api/v1/accounts?plan=pro&limit=1&cursor=c+2");
  }

  @Test
  void aServerThatIsNotThereIsUnreachable() {
    String url = api.url();
    api.close();

    assertThatThrownBy(() -> client.get("/plans"))
        .isInstanceOfSatisfying(
            ApiUnreachableException.class, e -> assertThat(e.timedOut()).isFalse())
        .hasMessageStartingWith("cannot reach the GamingAPI REST API at " + url + " (");
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIsUnreachableAndTimedOut() {
    try (RestClient impatient =
        RestClient.builder()
            .url(api.url())
            .token("t")
            .requestTimeout(Duration.ofMillis(200))
            .build()) {
      assertThatThrownBy(() -> impatient.get("/plans")) // nothing scripted: no answer comes
          .isInstanceOfSatisfying(
              ApiUnreachableException.class, e -> assertThat(e.timedOut()).isTrue())
          .hasMessageContaining("did not answer in time");
    }
  }
}
