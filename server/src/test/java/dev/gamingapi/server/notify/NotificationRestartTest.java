package dev.gamingapi.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.NotifyEvents;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import dev.gamingapi.testkit.http.RecordingEndpoint.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Notifications across a platform restart, and a rule paused after failing too long. */
@OnEachDatabase
class NotificationRestartTest {
  @TempDir Path dataDir;

  /** The control plane's database: SQLite here; a subclass runs the same tests on another. */
  @Parameter String databaseKind;

  TestDatabase database() {
    return TestDatabase.of(databaseKind);
  }

  private static ApiConfig control(TestDatabase database) {
    return ApiConfig.defaults().withDatabaseUrl(database.url());
  }

  @Test
  void eventsNotDeliveredBeforeARestartAreDeliveredAfterItExactlyOnceInOrder() throws Exception {
    // Two rules: "up" takes everything at once, "down" fails until after the restart. The events
    // "down" still owes are not acked, so they all come back after the restart, and "up", which
    // had delivered them, must not send them again.
    try (TestDatabase database = database();
        RecordingEndpoint up = RecordingEndpoint.start();
        RecordingEndpoint down = RecordingEndpoint.start()) {
      List<String> published = new ArrayList<>();
      PlatformFixture.Issued owner;
      try (PlatformFixture fixture = PlatformFixture.start(dataDir, control(database))) {
        fixture.account("acme", "standard");
        owner = fixture.user("acme", "{\"name\":\"o\",\"kind\":\"owner\"}");
        for (RecordingEndpoint endpoint : List.of(up, down)) {
          assertThat(
                  owner
                      .api()
                      .post(
                          "/api/v1/accounts/acme/notifications",
                          "{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/hook") + "\"}")
                      .status())
              .isEqualTo(201);
        }
        down.answerNext(Answer.ok(), Answer.ok());
        down.answerAll(Answer.status(500));
        try (PlatformFixture.Client client = fixture.connect(owner, null)) {
          for (int i = 0; i < 6; i++) {
            published.add(
                NotifyEvents.publish(
                    client.connection(), "eu-" + i, new ServerStarted("rust", "m", "1", 10)));
          }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> down.requests().size() >= 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> up.accepted().size() == 6);
      }
      assertThat(down.accepted()).hasSize(2);
      down.answerAll(Answer.ok());
      try (PlatformFixture fixture = PlatformFixture.start(dataDir, control(database))) {
        await().atMost(Duration.ofSeconds(30)).until(() -> down.accepted().size() >= 6);
        // Exactly these, and still so while a duplicate would have had time to show up.
        await()
            .during(Duration.ofMillis(1500))
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(
                () ->
                    assertThat(down.accepted().stream().map(r -> r.header("GamingAPI-Event-Id")))
                        .containsExactlyElementsOf(published));
        assertThat(up.accepted().stream().map(r -> r.header("GamingAPI-Event-Id")))
            .as("the rule that had delivered them sends none again")
            .containsExactlyElementsOf(published);
      }
    }
  }

  @Test
  void aRuleFailingLongerThanThePauseTimeIsPausedAndSaysSoUntilResumed() throws Exception {
    NotifyConfig quickPause =
        PlatformFixture.NOTIFY.withTimings(
            Duration.ofSeconds(1),
            Duration.ofMillis(100),
            Duration.ofMillis(400),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2));
    try (TestDatabase database = database();
        RecordingEndpoint endpoint = RecordingEndpoint.start();
        PlatformFixture fixture = PlatformFixture.start(dataDir, control(database), quickPause)) {
      fixture.account("acme", "standard");
      PlatformFixture.Issued owner = fixture.user("acme", "{\"name\":\"o\",\"kind\":\"owner\"}");
      String rules = "/api/v1/accounts/acme/notifications";
      String id =
          owner
              .api()
              .post(rules, "{\"kind\":\"webhook\",\"url\":\"" + endpoint.url("/hook") + "\"}")
              .json()
              .path("notification")
              .path("id")
              .asText();
      endpoint.answerAll(Answer.status(500));
      try (PlatformFixture.Client client = fixture.connect(owner, null)) {
        NotifyEvents.publish(client.connection(), "eu-1", new ServerStarted("rust", "m", "1", 1));
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    owner
                        .api()
                        .get(rules + "/" + id)
                        .json()
                        .path("status")
                        .asText()
                        .equals("paused"));
        JsonNode rule = owner.api().get(rules + "/" + id).json();
        assertThat(rule.path("paused_reason").asText()).startsWith("failing since");
        assertThat(rule.path("failing_since").isNull()).isFalse();
        JsonNode newest = owner.api().get(rules + "/" + id + "/deliveries").json().path("items");
        assertThat(newest.get(0).path("outcome").asText()).isEqualTo("given_up");

        // Paused: a new event is not sent.
        int before = endpoint.requests().size();
        NotifyEvents.publish(client.connection(), "eu-1", new ServerStarted("rust", "m", "2", 1));
        await()
            .during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(3))
            .untilAsserted(() -> assertThat(endpoint.requests()).hasSize(before));

        endpoint.answerAll(Answer.ok());
        JsonNode resumed = owner.api().patch(rules + "/" + id, "{\"paused\":false}").json();
        assertThat(resumed.path("status").asText()).isEqualTo("active");
        String third =
            NotifyEvents.publish(
                client.connection(), "eu-1", new ServerStarted("rust", "m", "3", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> endpoint.accepted().size() == 1);
        assertThat(endpoint.accepted().get(0).header("GamingAPI-Event-Id")).isEqualTo(third);
      }
    }
  }
}
