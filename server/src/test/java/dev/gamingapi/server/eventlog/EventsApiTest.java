package dev.gamingapi.server.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.ServerHeartbeat;
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
 * The event log over HTTP: replay pages with filters and cursors, the live stream of server-sent
 * events resumed with Last-Event-ID, the scope of each kind of token, and whoami.
 */
class EventsApiTest extends PlatformPerClass {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String EVENTS = "/api/v1/accounts/ev/events";

  private Api owner;
  private String ownerToken;
  private PlatformFixture.Issued host;
  private PlatformFixture.Issued app;
  private long lastSequence;

  @Override
  protected void setUpPlatform() throws Exception {
    fixture.account("ev", "standard");
    fixture.account("other", "standard");
    fixture.server("ev", "eu-1");
    fixture.server("ev", "us-1");
    PlatformFixture.Issued alice = fixture.user("ev", "{\"name\":\"alice\",\"kind\":\"owner\"}");
    owner = alice.api();
    ownerToken = alice.token();
    host =
        fixture.user("ev", "{\"name\":\"eu-1-host\",\"kind\":\"game_server\",\"server\":\"eu-1\"}");
    app =
        fixture.user(
            "ev",
            "{\"name\":\"stats\",\"kind\":\"app\",\"servers\":[\"us-1\"],"
                + "\"event_types\":[\"player.*\"]}");
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    try (EventLog log = new EventLog(fixture.platform, "ev")) {
      log.publish(EventLog.event("eu-1", t, new PlayerConnected("p1", "Ada", null)));
      log.publish(EventLog.event("eu-1", t, new PlayerKilled("p1", "p2", null, null, null)));
      log.publish(EventLog.event("us-1", t, new PlayerConnected("p2", "Bob", null)));
      log.publish(EventLog.event("us-1", t, new ServerHeartbeat(1, 10, "de_dust", null)));
      lastSequence =
          log.publish(EventLog.event("us-1", t, new PlayerKilled("p2", "p1", null, null, null)));
    }
  }

  private static List<String> summary(JsonNode page) {
    List<String> items = new ArrayList<>();
    page.path("items")
        .forEach(
            item ->
                items.add(
                    item.path("sequence").asLong()
                        + " "
                        + item.path("server").asText()
                        + " "
                        + item.path("type").asText()));
    return items;
  }

  @Test
  void anOwnerPagesThroughTheWholeLogWithCursors() {
    Api.Response first = owner.get(EVENTS + "?limit=3");
    assertThat(first.status()).isEqualTo(200);
    assertThat(summary(first.json()))
        .containsExactly(
            "1 eu-1 player.connected", "2 eu-1 player.killed", "3 us-1 player.connected");
    assertThat(first.json().path("items").get(0).path("data").path("name").asText())
        .isEqualTo("Ada");
    String cursor = first.json().path("next_cursor").asText();
    assertThat(cursor).isEqualTo("3");

    Api.Response rest = owner.get(EVENTS + "?limit=3&cursor=" + cursor);
    assertThat(summary(rest.json()))
        .containsExactly("4 us-1 server.heartbeat", "5 us-1 player.killed");
    assertThat(rest.json().path("next_cursor").isNull()).isTrue();
    assertThat(owner.get(EVENTS + "?cursor=" + lastSequence).json().path("items")).isEmpty();
  }

  @Test
  void filtersSelectByServerPlayerAndType() {
    assertThat(summary(owner.get(EVENTS + "?server=us-1").json())).hasSize(3);
    assertThat(summary(owner.get(EVENTS + "?player=p1").json()))
        .containsExactly("1 eu-1 player.connected", "2 eu-1 player.killed");
    assertThat(summary(owner.get(EVENTS + "?type=player.killed&server=us-1").json()))
        .containsExactly("5 us-1 player.killed");
    // Storage time, not event time: all were stored after 2000 and none after 2100.
    assertThat(summary(owner.get(EVENTS + "?since=2000-01-01T00:00:00Z&limit=2").json()))
        .containsExactly("1 eu-1 player.connected", "2 eu-1 player.killed");
    assertThat(owner.get(EVENTS + "?since=2100-01-01T00:00:00Z").json().path("items")).isEmpty();
  }

  @Test
  void badFiltersAreRefusedNamingTheParameter() {
    Api.Response badServer = owner.get(EVENTS + "?server=no%20spaces");
    assertThat(badServer.status()).isEqualTo(400);
    assertThat(badServer.json().path("errors").get(0).path("field").asText()).isEqualTo("server");
    assertThat(
            owner
                .get(EVENTS + "?type=nosuch.thing")
                .json()
                .path("errors")
                .get(0)
                .path("field")
                .asText())
        .isEqualTo("type");
    assertThat(owner.get(EVENTS + "?since=yesterday").status()).isEqualTo(400);
    assertThat(owner.get(EVENTS + "?limit=0").status()).isEqualTo(400);
  }

  @Test
  void aGameServerTokenReadsOnlyItsOwnServer() {
    assertThat(summary(host.api().get(EVENTS).json()))
        .containsExactly("1 eu-1 player.connected", "2 eu-1 player.killed");
    Api.Response other = host.api().get(EVENTS + "?server=us-1");
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.json().path("detail").asText()).contains("us-1");
  }

  @Test
  void anAppTokenReadsItsGrantedServersAndTypesOnly() {
    assertThat(summary(app.api().get(EVENTS).json()))
        .containsExactly("3 us-1 player.connected", "5 us-1 player.killed");
    assertThat(app.api().get(EVENTS + "?server=eu-1").status()).isEqualTo(403);
  }

  @Test
  void anotherTenantsTokenIsToldTheAccountDoesNotExist() throws Exception {
    PlatformFixture.Issued stranger =
        fixture.user("other", "{\"name\":\"mallory\",\"kind\":\"owner\"}");
    assertThat(stranger.api().get(EVENTS).status()).isEqualTo(404);
    HttpResponse<InputStream> stream = open(stranger.token(), null, "");
    assertThat(stream.statusCode()).isEqualTo(404);
    stream.body().close();
    assertThat(fixture.operator.get("/api/v1/accounts/nosuch/events").status()).isEqualTo(404);
  }

  @Test
  void theStreamSendsStoredThenLiveEventsAndResumesAfterLastEventId() throws Exception {
    List<String> ids = new ArrayList<>();
    HttpResponse<InputStream> stream = open(ownerToken, null, "?after=2");
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    try (BufferedReader reader = reader(stream)) {
      for (int i = 0; i < 3; i++) {
        ids.add(nextEvent(reader).path("sequence").asText());
      }
      long live;
      try (EventLog log = new EventLog(fixture.platform, "ev")) {
        live =
            log.publish(
                EventLog.event("eu-1", Instant.now(), new PlayerConnected("p9", "Eve", null)));
      }
      JsonNode event = nextEvent(reader);
      assertThat(event.path("sequence").asLong()).isEqualTo(live);
      assertThat(event.path("player").asText()).isEqualTo("p9");
    }
    assertThat(ids).containsExactly("3", "4", "5");

    // A reconnect names the last id it saw: the stream goes on from the next one.
    HttpResponse<InputStream> resumed =
        open(ownerToken, "4", "?after=1&since=2100-01-01T00:00:00Z");
    try (BufferedReader reader = reader(resumed)) {
      assertThat(nextEvent(reader).path("sequence").asLong()).isEqualTo(5);
    }
  }

  @Test
  void theStreamKeepsToTheTokensScopeAndNeedsTheRightAccept() throws Exception {
    try (BufferedReader reader = reader(open(host.token(), null, ""))) {
      assertThat(nextEvent(reader).path("server").asText()).isEqualTo("eu-1");
      assertThat(nextEvent(reader).path("server").asText()).isEqualTo("eu-1");
    }
    assertThat(open(host.token(), null, "?server=us-1").statusCode()).isEqualTo(403);
    // Checked against the document: the 406 is declared.
    Api.Response noAccept = owner.get(EVENTS + "/stream");
    assertThat(noAccept.status()).isEqualTo(406);
    assertThat(noAccept.json().path("type").asText()).endsWith("/not-acceptable");
  }

  @Test
  void theStreamEndsWhenItsTokenIsRevokedAndTheReconnectIsRefused() throws Exception {
    PlatformFixture.Issued carol = fixture.user("ev", "{\"name\":\"carol\",\"kind\":\"owner\"}");
    HttpResponse<InputStream> stream = open(carol.token(), null, "");
    try (BufferedReader reader = reader(stream)) {
      nextEvent(reader);
      fixture.operator.delete("/api/v1/accounts/ev/users/carol");
      // The next heartbeat checks the token again and ends the stream.
      while (reader.readLine() != null) {
        // the rest of the backlog and heartbeats until the end
      }
    }
    assertThat(open(carol.token(), "1", "").statusCode()).isEqualTo(401);
  }

  @Test
  void whoamiTellsTheKindAccountAndScope() {
    JsonNode me = owner.get("/api/v1/whoami").json();
    assertThat(me.path("kind").asText()).isEqualTo("owner");
    assertThat(me.path("account").asText()).isEqualTo("ev");
    assertThat(me.path("user").asText()).isEqualTo("alice");
    JsonNode server = host.api().get("/api/v1/whoami").json();
    assertThat(server.path("server").asText()).isEqualTo("eu-1");
    assertThat(server.path("may_send_commands").asBoolean()).isFalse();
    JsonNode operator = fixture.operator.get("/api/v1/whoami").json();
    assertThat(operator.path("kind").asText()).isEqualTo("operator");
    assertThat(operator.path("account").isNull()).isTrue();
    assertThat(owner.as(null).get("/api/v1/whoami").status()).isEqualTo(401);
  }

  private HttpResponse<InputStream> open(String token, String lastEventId, String query)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fixture.httpUrl() + EVENTS + "/stream" + query))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static BufferedReader reader(HttpResponse<InputStream> response) {
    return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
  }

  /** Reads up to the next {@code event: event} and answers its data; asserts its id. */
  private static JsonNode nextEvent(BufferedReader reader) throws Exception {
    String id = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("data:")) {
        JsonNode data = JSON.readTree(line.substring(5).strip());
        assertThat(data.path("sequence").asText()).isEqualTo(id);
        return data;
      }
    }
    throw new AssertionError("the stream ended");
  }
}
