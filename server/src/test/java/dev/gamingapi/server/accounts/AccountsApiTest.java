package dev.gamingapi.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounts REST API: creation, paging, plan changes, deletion, audit and bad input. */
@OnEachDatabase
class AccountsApiTest extends PlatformPerClass {
  @Test
  void anAccountIsUsableByItsOwnerAsSoonAsItIsCreated() throws Exception {
    Api.Response created =
        fixture.operator.post("/api/v1/accounts", "{\"name\":\"acme\",\"plan\":\"standard\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/acme");
    assertThat(created.json().path("public_key").asText()).startsWith("A");

    PlatformFixture.Issued owner = fixture.user("acme", "{\"name\":\"boss\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      var ack =
          client
              .connection()
              .jetStream()
              .publish("v1.servers.eu-1.events.server.started", "{}".getBytes());
      assertThat(ack.getStream()).isEqualTo("EVENTS");
    }
    assertThat(fixture.operator.get("/api/v1/accounts/acme").json().path("plan").asText())
        .isEqualTo("standard");
  }

  @Test
  void accountsArePagedWithACursorAndAUserSeesOnlyItsOwn() throws Exception {
    fixture.account("page-a", "free");
    fixture.account("page-b", "free");
    List<String> names = new ArrayList<>();
    String cursor = null;
    do {
      Api.Response page =
          fixture.operator.get(
              "/api/v1/accounts?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.json().path("items")).hasSizeLessThanOrEqualTo(1);
      page.json().path("items").forEach(item -> names.add(item.path("name").asText()));
      cursor =
          page.json().path("next_cursor").isNull()
              ? null
              : page.json().path("next_cursor").asText();
    } while (cursor != null);
    assertThat(names).contains("default", "page-a", "page-b").doesNotHaveDuplicates();

    PlatformFixture.Issued owner = fixture.user("page-a", "{\"name\":\"o\",\"kind\":\"owner\"}");
    JsonNode own = owner.api().get("/api/v1/accounts").json().path("items");
    assertThat(own).extracting(item -> item.path("name").asText()).containsExactly("page-a");
  }

  @Test
  void aPlanChangeIsAppliedByTheBrokerAtOnceUpAndDown() throws Exception {
    fixture.account("grower", "free"); // free: 3 streams, EVENTS and COMMANDS are two
    PlatformFixture.Issued owner = fixture.user("grower", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      JetStreamManagement jsm = client.connection().jetStreamManagement();
      addStream(jsm, "S1");
      assertThatThrownBy(() -> addStream(jsm, "S2"))
          .isInstanceOf(JetStreamApiException.class)
          .hasMessageContaining("maximum number of streams");
      assertThat(usage("grower").path("streams").path("used").asLong()).isEqualTo(3);

      assertThat(
              fixture.operator.patch("/api/v1/accounts/grower", "{\"plan\":\"standard\"}").status())
          .isEqualTo(200);
      await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> addStream(jsm, "S2"));
      assertThat(jsm.getAccountStatistics().getLimits().getMaxStreams()).isEqualTo(10);

      assertThat(fixture.operator.patch("/api/v1/accounts/grower", "{\"plan\":\"free\"}").status())
          .isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> jsm.getAccountStatistics().getLimits().getMaxStreams() == 3);
      assertThatThrownBy(() -> addStream(jsm, "S4"))
          .isInstanceOf(JetStreamApiException.class)
          .hasMessageContaining("maximum number of streams");
      JsonNode usage = usage("grower");
      assertThat(usage.path("plan").asText()).isEqualTo("free");
      assertThat(usage.path("streams").path("limit").asLong()).isEqualTo(3);
      assertThat(usage.path("connections").path("used").asLong()).isGreaterThanOrEqualTo(1);
    }
  }

  private JsonNode usage(String account) {
    return fixture.operator.get("/api/v1/accounts/" + account + "/usage").json();
  }

  private static void addStream(JetStreamManagement jsm, String name) throws Exception {
    jsm.addStream(StreamConfiguration.builder().name(name).subjects("own." + name).build());
  }

  @Test
  void deletingAnAccountNeedsConfirmationThenDropsItsUsersAndForgetsIt() throws Exception {
    fixture.account("doomed", "free");
    PlatformFixture.Issued owner = fixture.user("doomed", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      Api.Response unconfirmed = fixture.operator.delete("/api/v1/accounts/doomed");
      assertThat(unconfirmed.status()).isEqualTo(400);
      assertThat(unconfirmed.json().path("errors").get(0).path("field").asText())
          .isEqualTo("confirm");

      assertThat(fixture.operator.delete("/api/v1/accounts/doomed?confirm=doomed").status())
          .isEqualTo(204);
      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> client.connection().getStatus() != Connection.Status.CONNECTED);
    }
    assertThat(fixture.operator.get("/api/v1/accounts/doomed").status()).isEqualTo(404);
    assertThat(owner.api().get("/api/v1/accounts/doomed").status()).isEqualTo(401);
    // The name is free again, with new keys.
    assertThat(fixture.account("doomed", "free").path("name").asText()).isEqualTo("doomed");
  }

  @Test
  void theAuditLogSaysWhoChangedWhatNewestFirst() throws Exception {
    fixture.account("audited", "free");
    fixture.server("audited", "s1");
    fixture.user("audited", "{\"name\":\"gs\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    JsonNode items = fixture.operator.get("/api/v1/accounts/audited/audit").json().path("items");
    assertThat(items)
        .extracting(item -> item.path("action").asText())
        .containsExactly("user.created", "server.created", "account.created");
    assertThat(items.get(0).path("actor").asText()).isEqualTo("operator");
    assertThat(items.get(0).path("remote_address").asText()).isEqualTo("127.0.0.1");
    assertThat(items.get(0).path("detail").path("server").asText()).isEqualTo("s1");
    assertThat(items.toString()).doesNotContain("gapi_").doesNotContain("SU");
  }

  @Test
  void healthNeedsNoTokenAndMetricsOnlyTheOperatorsAndTheySayHowThePlatformIs() throws Exception {
    Api anonymous = fixture.operator.as(null);
    Api.Response health = anonymous.get("/api/v1/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("up");
    assertThat(health.json().path("broker").asText()).isEqualTo("up");
    assertThat(health.json().path("database").asText()).isEqualTo("up");

    fixture.operator.get("/api/v1/plans");
    // The metrics name every tenant (lag per account): no token, no metrics; a tenant's, neither.
    assertThat(anonymous.get("/metrics").status()).isEqualTo(401);
    fixture.account("peeker", "free");
    PlatformFixture.Issued owner = fixture.user("peeker", "{\"name\":\"o\",\"kind\":\"owner\"}");
    Api.Response refused = owner.api().get("/metrics");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.raw().body()).doesNotContain("peeker");
    Api.Response metrics = fixture.operator.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().body())
        .contains("gamingapi_http_requests_seconds_count{method=\"GET\",status=\"200\"}");
  }

  @Test
  void badRequestsGetProblemsNamingTheProblemAndNeverA5xx() {
    Api api = fixture.operator;
    assertProblem(api.post("/api/v1/accounts", "{\"name\":\"x1\",\"plan\":\"gold\"}"), 400, "plan");
    assertProblem(
        api.post("/api/v1/accounts", "{\"name\":\"Bad Name!\",\"plan\":\"free\"}"), 400, "name");
    assertProblem(
        api.post("/api/v1/accounts", "{\"name\":\"x2\",\"plan\":\"free\",\"colour\":1}"),
        400,
        "colour");
    assertProblem(api.post("/api/v1/accounts", "{\"name\":\"x3\",\"plan\":7}"), 400, "plan");
    // PostgreSQL refuses NUL in text where SQLite stores it: refused up front, the same on both.
    assertProblem(
        api.post(
            "/api/v1/accounts",
            "{\"name\":\"x4\",\"plan\":\"free\",\"description\":\"a\\u0000b\"}"),
        400,
        "description");
    fixture.account("dup", "free");
    assertProblem(
        api.post("/api/v1/accounts/dup/servers", "{\"id\":\"s1\",\"name\":\"a\\u0000b\"}"),
        400,
        "name");
    assertProblem(
        api.patch("/api/v1/accounts/dup", "{\"description\":\"\\u0000\"}"), 400, "description");
    assertThat(api.post("/api/v1/accounts", "{\"name\":\"dup\",\"plan\":\"free\"}").status())
        .isEqualTo(409);
    assertProblem(
        api.sendUnchecked("POST", "/api/v1/accounts", "{\"name\":", "application/json"),
        400,
        "body");
    assertThat(api.sendUnchecked("POST", "/api/v1/accounts", "name=x", "text/plain").status())
        .isEqualTo(415);
    Api.Response huge =
        api.sendUnchecked(
            "POST",
            "/api/v1/accounts",
            "{\"name\":\"" + "x".repeat(70_000) + "\"}",
            "application/json");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.as(null).get("/api/v1/accounts").status()).isEqualTo(401);
    assertThat(api.as("gapi_" + "A".repeat(43)).get("/api/v1/accounts").status()).isEqualTo(401);
    assertThat(api.sendUnchecked("GET", "/api/v1/nothing-here", null, null).status())
        .isEqualTo(404);
    assertProblem(api.get("/api/v1/accounts?limit=0"), 400, "limit");
    assertProblem(api.get("/api/v1/accounts?cursor=%21%21%21"), 400, "cursor");
  }

  private static void assertProblem(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    assertThat(response.json().path("detail").asText()).contains(field);
  }
}
