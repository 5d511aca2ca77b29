package dev.gamingapi.server.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one account shares with another is replayed from any point over REST and SSE, within the
 * share's servers, for the grantee's owners only, and stops at once when the share is deleted.
 */
class SharedEventsTest extends PlatformPerClass {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SHARED = "/api/v1/accounts/stats/shared/acme/events";

  private PlatformFixture.Issued grantee;
  private String shareId;
  private long firstShared;

  @Override
  protected void setUpPlatform() throws Exception {
    fixture.account("acme", "standard");
    fixture.account("stats", "standard");
    fixture.account("third", "standard");
    fixture.server("acme", "eu-1");
    fixture.server("acme", "us-1");
    grantee = fixture.user("stats", "{\"name\":\"olga\",\"kind\":\"owner\"}");
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    try (EventLog log = new EventLog(fixture.platform, "acme")) {
      // Published before the share: a replay still sees them, from the start of the log.
      firstShared = log.publish(EventLog.event("eu-1", t, new PlayerConnected("p1", "Ada", null)));
      log.publish(EventLog.event("us-1", t, new PlayerConnected("p2", "Bob", null)));
      log.publish(EventLog.event("eu-1", t, new PlayerKilled("p1", "p2", null, null, null)));
    }
    Api.Response share =
        fixture.operator.post(
            "/api/v1/accounts/acme/shares", "{\"grantee\":\"stats\",\"servers\":[\"eu-1\"]}");
    assertThat(share.status()).isEqualTo(201);
    shareId = share.json().path("id").asText();
  }

  @Test
  void theGranteeReplaysTheSharedServersFromAnyPointAndNothingElse() throws Exception {
    JsonNode all = grantee.api().get(SHARED).json();
    assertThat(summary(all)).containsExactly("eu-1 player.connected", "eu-1 player.killed");
    JsonNode after = grantee.api().get(SHARED + "?cursor=" + firstShared).json();
    assertThat(summary(after)).containsExactly("eu-1 player.killed");
    JsonNode byType = grantee.api().get(SHARED + "?type=player.connected").json();
    assertThat(summary(byType)).containsExactly("eu-1 player.connected");

    Api.Response outside = grantee.api().get(SHARED + "?server=us-1");
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.raw().body()).doesNotContain("Bob");
  }

  @Test
  void theLiveStreamStartsWhereAskedAndCarriesOnlyTheSharedServers() throws Exception {
    // An account of its own, so that what this test publishes changes no other test's log.
    fixture.account("live", "standard");
    fixture.server("live", "eu-1");
    fixture.server("live", "us-1");
    long first;
    try (EventLog log = new EventLog(fixture.platform, "live")) {
      Instant t = Instant.parse("2026-11-20T10:00:00Z");
      first = log.publish(EventLog.event("eu-1", t, new PlayerConnected("p1", "Ada", null)));
      log.publish(EventLog.event("eu-1", t, new PlayerKilled("p1", "p2", null, null, null)));
    }
    assertThat(
            fixture
                .operator
                .post(
                    "/api/v1/accounts/live/shares",
                    "{\"grantee\":\"stats\",\"servers\":[\"eu-1\"]}")
                .status())
        .isEqualTo(201);
    String path = "/api/v1/accounts/stats/shared/live/events/stream?after=" + first;
    HttpResponse<InputStream> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(fixture.httpUrl() + path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + grantee.token())
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      try (EventLog log = new EventLog(fixture.platform, "live")) {
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        log.publish(EventLog.event("us-1", t, new PlayerConnected("p3", "Cyd", null)));
        log.publish(EventLog.event("eu-1", t, new PlayerConnected("p4", "Dee", null)));
      }
      List<String> data = new ArrayList<>();
      String line;
      while (data.size() < 2 && (line = lines.readLine()) != null) {
        if (line.startsWith("data:")) {
          data.add(line);
        }
      }
      assertThat(data.get(0)).contains("player.killed").doesNotContain("Cyd");
      assertThat(data.get(1)).contains("Dee");
    } finally {
      response.body().close();
    }
  }

  @Test
  void onlyTheGranteesOwnersReadAndAnotherTenantIsToldNothing() throws Exception {
    PlatformFixture.Issued app = fixture.user("stats", "{\"name\":\"bot\",\"kind\":\"app\"}");
    assertThat(app.api().get(SHARED).status()).isEqualTo(403);
    PlatformFixture.Issued outsider = fixture.user("third", "{\"name\":\"o\",\"kind\":\"owner\"}");
    // Another account's path: not its account. Its own path: nothing shared with it.
    assertThat(outsider.api().get(SHARED).status()).isEqualTo(404);
    Api.Response notShared = outsider.api().get("/api/v1/accounts/third/shared/acme/events");
    assertThat(notShared.status()).isEqualTo(404);
    assertThat(notShared.raw().body()).doesNotContain("Ada");
    // The sharing account reads its own log, not a share with itself.
    PlatformFixture.Issued sharer = fixture.user("acme", "{\"name\":\"o\",\"kind\":\"owner\"}");
    assertThat(sharer.api().get("/api/v1/accounts/acme/shared/acme/events").status())
        .isEqualTo(404);
  }

  @Test
  void aDeletedShareIsReadNoMore() throws Exception {
    fixture.account("brief", "standard");
    PlatformFixture.Issued reader = fixture.user("brief", "{\"name\":\"o\",\"kind\":\"owner\"}");
    String path = "/api/v1/accounts/brief/shared/acme/events";
    Api.Response share =
        fixture.operator.post(
            "/api/v1/accounts/acme/shares", "{\"grantee\":\"brief\",\"servers\":[\"us-1\"]}");
    assertThat(summary(reader.api().get(path).json())).containsExactly("us-1 player.connected");
    assertThat(
            fixture
                .operator
                .delete("/api/v1/accounts/acme/shares/" + share.json().path("id").asText())
                .status())
        .isEqualTo(204);
    Api.Response gone = reader.api().get(path);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().path("detail").asText()).contains("acme");
    // The other share is untouched.
    assertThat(shareId).startsWith("shr_");
    assertThat(grantee.api().get(SHARED).status()).isEqualTo(200);
  }

  private static List<String> summary(JsonNode page) {
    List<String> items = new ArrayList<>();
    page.path("items")
        .forEach(
            item -> items.add(item.path("server").asText() + " " + item.path("type").asText()));
    return items;
  }
}
