package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Notification rules over REST: create, read, change, delete, validation and tenant isolation. */
@OnEachDatabase
class NotificationsApiTest extends PlatformPerClass {
  private static final String RULES = "/api/v1/accounts/acme/notifications";
  private RecordingEndpoint endpoint;
  private PlatformFixture.Issued acme;
  private PlatformFixture.Issued other;
  private PlatformFixture.Issued app;

  @BeforeAll
  void startEndpoint() {
    endpoint = RecordingEndpoint.start();
  }

  @Override
  protected void setUpPlatform() throws Exception {
    fixture.account("acme", "standard");
    fixture.account("other", "standard");
    acme = fixture.user("acme", "{\"name\":\"o\",\"kind\":\"owner\"}");
    other = fixture.user("other", "{\"name\":\"o\",\"kind\":\"owner\"}");
    app = fixture.user("acme", "{\"name\":\"stats\",\"kind\":\"app\"}");
  }

  @AfterAll
  void stopEndpoint() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private String discordUrl() {
    return endpoint.url("/api/webhooks/123456/SECRET-token_value");
  }

  @Test
  void aDiscordRuleIsCreatedReadChangedAndDeletedWithoutEverShowingItsToken() {
    Api.Response created =
        acme.api()
            .post(
                RULES,
                "{\"name\":\"status\",\"kind\":\"discord\",\"url\":\""
                    + discordUrl()
                    + "\",\"event_types\":[\"server.started\",\"player.*\"],"
                    + "\"servers\":[\"eu-1\"],\"template\":\"{{data.name}} on {{server}}\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().body()).doesNotContain("SECRET-token_value");
    JsonNode rule = created.json().path("notification");
    String id = rule.path("id").asText();
    assertThat(id).startsWith("ntf_");
    assertThat(created.header("Location")).isEqualTo(RULES + "/" + id);
    assertThat(created.json().path("secret").isNull()).isTrue();
    assertThat(rule.path("url").asText()).endsWith("/api/webhooks/123456/****");
    assertThat(rule.path("status").asText()).isEqualTo("active");
    assertThat(rule.path("rate_per_minute").asInt()).isEqualTo(30);

    Api.Response read = acme.api().get(RULES + "/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.raw().body()).doesNotContain("SECRET-token_value");
    assertThat(app.api().get(RULES).raw().body()).contains(id).doesNotContain("SECRET");

    Api.Response changed =
        acme.api().patch(RULES + "/" + id, "{\"paused\":true,\"rate_per_minute\":5}");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().path("status").asText()).isEqualTo("paused");
    assertThat(changed.json().path("paused_reason").asText()).isEqualTo("paused by a user");
    assertThat(changed.json().path("rate_per_minute").asInt()).isEqualTo(5);
    Api.Response resumed = acme.api().patch(RULES + "/" + id, "{\"paused\":false}");
    assertThat(resumed.json().path("status").asText()).isEqualTo("active");

    assertThat(acme.api().delete(RULES + "/" + id).status()).isEqualTo(204);
    assertThat(acme.api().get(RULES + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void aWebhookSecretIsShownOnceAtCreation() {
    Api.Response created =
        acme.api()
            .post(RULES, "{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/hook?k=v") + "\"}");
    assertThat(created.status()).isEqualTo(201);
    String secret = created.json().path("secret").asText();
    assertThat(secret).startsWith("whsec_");
    String id = created.json().path("notification").path("id").asText();
    assertThat(created.json().path("notification").path("url").asText()).endsWith("/hook?****");
    assertThat(acme.api().get(RULES + "/" + id).raw().body()).doesNotContain(secret);
    assertThat(acme.api().get(RULES).raw().body()).doesNotContain(secret).doesNotContain("k=v");
  }

  @Test
  void badUrlsTemplatesTypesAndServersAreRefusedNamingTheProblem() {
    refused("{\"kind\":\"webhook\",\"url\":\"not a url\"}", "url", "not a valid URL");
    refused("{\"kind\":\"webhook\",\"url\":\"ftp://example.com/x\"}", "url", "https://");
    refused("{\"kind\":\"webhook\"}", "url", "is required");
    refused(
        "{\"kind\":\"webhook\",\"url\":\"https://no-such-host.invalid/x\"}",
        "url",
        "does not resolve");
    refused("{\"kind\":\"webhook\",\"url\":\"http://user:pw@127.0.0.1/x\"}", "url", "user name");
    refused(
        "{\"kind\":\"discord\",\"url\":\"" + endpoint.url("/hook") + "\"}",
        "url",
        "/api/webhooks/{id}/{token}");
    refused("{\"kind\":\"sms\",\"url\":\"" + discordUrl() + "\"}", "kind", "discord or webhook");
    refused(
        "{\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\",\"template\":\"{{nope}}\"}",
        "template",
        "unknown placeholder {{nope}}");
    refused(
        "{\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\",\"template\":\"hi {{server\"}",
        "template",
        "unclosed");
    refused(
        "{\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\",\"event_types\":[\"player.flew\"]}",
        "event_types",
        "not a known event type");
    refused(
        "{\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\",\"servers\":[\"eu.1\"]}",
        "servers",
        "'eu.1'");
    refused(
        "{\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\",\"rate_per_minute\":0}",
        "rate_per_minute",
        "1 to 600");
  }

  private void refused(String body, String field, String message) {
    Api.Response response = acme.api().sendUnchecked("POST", RULES, body, "application/json");
    assertThat(response.status()).as(body).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    assertThat(response.json().path("detail").asText()).as(body).contains(message);
  }

  @Test
  void anotherTenantSeesNoneOfTheRulesTheirDeliveriesOrTheirTests() {
    String id =
        acme.api()
            .post(RULES, "{\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\"}")
            .json()
            .path("notification")
            .path("id")
            .asText();
    assertThat(other.api().get(RULES).status()).isEqualTo(404);
    assertThat(other.api().get(RULES + "/" + id).status()).isEqualTo(404);
    assertThat(other.api().get(RULES + "/" + id + "/deliveries").status()).isEqualTo(404);
    assertThat(other.api().post(RULES + "/" + id + "/test", null).status()).isEqualTo(404);
    assertThat(other.api().patch(RULES + "/" + id, "{\"paused\":true}").status()).isEqualTo(404);
    assertThat(other.api().delete(RULES + "/" + id).status()).isEqualTo(404);
    // Its own account's path with acme's rule id: still not found.
    String own = "/api/v1/accounts/other/notifications/" + id;
    assertThat(other.api().get(own).status()).isEqualTo(404);
    assertThat(other.api().get(own + "/deliveries").status()).isEqualTo(404);
    assertThat(other.api().post(own + "/test", null).status()).isEqualTo(404);
    assertThat(other.api().delete(own).status()).isEqualTo(404);
    assertThat(other.api().get("/api/v1/accounts/other/notifications").json().path("items"))
        .isEmpty();
    // An app of acme reads but does not change.
    assertThat(app.api().get(RULES + "/" + id).status()).isEqualTo(200);
    assertThat(app.api().delete(RULES + "/" + id).status()).isEqualTo(403);
    assertThat(acme.api().get(RULES + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void deletingAnAccountTakesItsRulesAlong() throws Exception {
    fixture.account("gone", "standard");
    PlatformFixture.Issued owner = fixture.user("gone", "{\"name\":\"o\",\"kind\":\"owner\"}");
    String rules = "/api/v1/accounts/gone/notifications";
    String id =
        owner
            .api()
            .post(rules, "{\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\"}")
            .json()
            .path("notification")
            .path("id")
            .asText();
    assertThat(owner.api().post(rules + "/" + id + "/test", null).status()).isEqualTo(200);
    assertThat(fixture.operator.delete("/api/v1/accounts/gone?confirm=gone").status())
        .isEqualTo(204);
    fixture.account("gone", "standard");
    assertThat(fixture.operator.get(rules).json().path("items")).isEmpty();
    assertThat(fixture.operator.get(rules + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void rulesArePaged() throws Exception {
    fixture.account("paging", "standard");
    PlatformFixture.Issued owner = fixture.user("paging", "{\"name\":\"o\",\"kind\":\"owner\"}");
    for (int i = 0; i < 3; i++) {
      owner
          .api()
          .post(
              "/api/v1/accounts/paging/notifications",
              "{\"name\":\"r" + i + "\",\"kind\":\"discord\",\"url\":\"" + discordUrl() + "\"}");
    }
    Api.Response first = owner.api().get("/api/v1/accounts/paging/notifications?limit=2");
    assertThat(first.json().path("items")).hasSize(2);
    String cursor = first.json().path("next_cursor").asText();
    Api.Response second =
        owner.api().get("/api/v1/accounts/paging/notifications?limit=2&cursor=" + cursor);
    assertThat(second.json().path("items")).hasSize(1);
    assertThat(second.json().path("items").get(0).path("name").asText()).isEqualTo("r2");
    assertThat(second.json().path("next_cursor").isNull()).isTrue();
  }
}
