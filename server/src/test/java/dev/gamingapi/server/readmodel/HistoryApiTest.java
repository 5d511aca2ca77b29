package dev.gamingapi.server.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * Server status and player profiles over REST, built by the platform's consumer from events
 * published to the tenant's log (real broker, real database).
 */
@OnEachDatabase
class HistoryApiTest extends PlatformPerClass {
  private static final String ACCOUNT = "default";
  private static final String BASE = "/api/v1/accounts/" + ACCOUNT;

  private EventLog log() throws Exception {
    return new EventLog(fixture.platform, ACCOUNT);
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private void awaitApplied(String account, long seq) throws InterruptedException {
    EventLog.awaitApplied(fixture.operator, account, seq);
  }

  @Test
  void aServerThatStopsWithoutDisconnectingItsPlayersClosesTheirSessions() throws Exception {
    fixture.server(ACCOUNT, "st-1");
    assertThat(fixture.operator.get(BASE + "/servers/st-1/status").json().path("state").asText())
        .isEqualTo("offline");
    Instant t = now();
    try (EventLog log = log()) {
      log.publish(EventLog.event("st-1", t, new ServerStarted("rust", "Procedural", "2588", 50)));
      log.publish(EventLog.event("st-1", t, new PlayerConnected("st-a", "Ada", null)));
      log.publish(
          EventLog.event("st-1", t.plusSeconds(5), new PlayerConnected("st-b", "Bob", null)));
      awaitApplied(
          ACCOUNT,
          log.publish(
              EventLog.event(
                  "st-1", t.plusSeconds(10), new ServerHeartbeat(2, 50, "Desert", 30.0))));

      JsonNode online = fixture.operator.get(BASE + "/servers/st-1/status").json();
      assertThat(online.path("state").asText()).isEqualTo("online");
      assertThat(online.path("game").asText()).isEqualTo("rust");
      assertThat(online.path("map").asText()).isEqualTo("Desert");
      assertThat(online.path("current_players").asInt()).isEqualTo(2);
      assertThat(online.path("players").toString()).isEqualTo("[\"st-a\",\"st-b\"]");
      assertThat(online.path("started_at").asText()).isEqualTo(t.toString());
      assertThat(online.path("uptime_seconds").asLong()).isBetween(0L, 60L);
      JsonNode ada = fixture.operator.get(BASE + "/players/st-a").json();
      assertThat(ada.path("online_on").toString()).isEqualTo("[\"st-1\"]");
      assertThat(ada.path("sessions").asLong()).isZero();

      awaitApplied(
          ACCOUNT,
          log.publish(EventLog.event("st-1", t.plusSeconds(65), new ServerStopped("crash"))));
    }
    JsonNode stopped = fixture.operator.get(BASE + "/servers/st-1/status").json();
    assertThat(stopped.path("state").asText()).isEqualTo("stopped");
    assertThat(stopped.path("current_players").asInt()).isZero();
    assertThat(stopped.path("stopped_at").asText()).isEqualTo(t.plusSeconds(65).toString());
    assertThat(stopped.path("uptime_seconds").isNull()).isTrue();
    JsonNode ada = fixture.operator.get(BASE + "/players/st-a").json();
    assertThat(ada.path("online_on").size()).isZero();
    assertThat(ada.path("sessions").asLong()).isEqualTo(1);
    assertThat(ada.path("play_time_seconds").asLong()).isEqualTo(65);
    JsonNode bob = fixture.operator.get(BASE + "/players/st-b").json();
    assertThat(bob.path("play_time_seconds").asLong()).isEqualTo(60);
  }

  /**
   * A player whose connect the platform never saw (published before a restart, lost by the game's
   * log) but who kills, dies, chats or respawns is online from that event: a session opens there,
   * and closes like any other. A score alone does not make a player present.
   */
  @Test
  void aPlayerWhoActsWithoutAConnectIsOnlineFromTheirFirstAct() throws Exception {
    fixture.server(ACCOUNT, "ac-1");
    Instant t = now();
    try (EventLog log = log()) {
      log.publish(EventLog.event("ac-1", t, new ServerStarted("rust", "Procedural", "2588", 50)));
      log.publish(
          EventLog.event(
              "ac-1", t.plusSeconds(5), new PlayerKilled("ac-a", "ac-z", "rifle", 10.0, false)));
      log.publish(
          EventLog.event(
              "ac-1", t.plusSeconds(6), new PlayerScored("ac-b", "gold", 5, ScoreOperator.INCR)));
      awaitApplied(
          ACCOUNT,
          log.publish(
              EventLog.event(
                  "ac-1", t.plusSeconds(10), new ServerHeartbeat(1, 50, "Desert", 30.0))));

      JsonNode status = fixture.operator.get(BASE + "/servers/ac-1/status").json();
      assertThat(status.path("players").toString()).isEqualTo("[\"ac-a\"]");
      assertThat(fixture.operator.get(BASE + "/players/ac-a").json().path("online_on").toString())
          .isEqualTo("[\"ac-1\"]");
      assertThat(fixture.operator.get(BASE + "/players/ac-b").json().path("online_on").size())
          .isZero();

      awaitApplied(
          ACCOUNT,
          log.publish(
              EventLog.event("ac-1", t.plusSeconds(35), new PlayerDisconnected("ac-a", "quit"))));
    }
    JsonNode ada = fixture.operator.get(BASE + "/players/ac-a").json();
    assertThat(ada.path("online_on").size()).isZero();
    assertThat(ada.path("sessions").asLong()).isEqualTo(1);
    assertThat(ada.path("play_time_seconds").asLong()).isEqualTo(30);
  }

  @Test
  void aProfileCountsEverythingOnceWhateverTheOrderOfTimestamps() throws Exception {
    Instant t = now().minus(Duration.ofMinutes(10));
    Event kill =
        EventLog.event(
            "pf-1", t.plusSeconds(3), new PlayerKilled("pf-a", "pf-b", null, null, null));
    try (EventLog log = log()) {
      log.publish(EventLog.event("pf-1", t, new PlayerConnected("pf-a", "Ada", null)));
      log.publish(kill);
      log.publishAgain(kill); // stored twice in the log, counted once
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(4), new PlayerKilled("pf-a", "pf-c", null, null, null)));
      log.publish(EventLog.event("pf-1", t.plusSeconds(5), new PlayerDied("pf-a", "pf-b", null)));
      log.publish(
          EventLog.event("pf-1", t.plusSeconds(6), new PlayerChatted("pf-a", null, "gg", null)));
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(6), new PlayerScored("pf-a", "lap", 70, ScoreOperator.BEST)));
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(7), new PlayerScored("pf-a", "lap", 60, ScoreOperator.BEST)));
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(7), new PlayerScored("pf-a", "gold", 10, ScoreOperator.INCR)));
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(7), new PlayerScored("pf-a", "gold", 3, ScoreOperator.DECR)));
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(7), new PlayerScored("pf-a", "debt", 4, ScoreOperator.DECR)));
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(7), new PlayerScored("pf-a", "level", 9, ScoreOperator.SET)));
      log.publish(
          EventLog.event(
              "pf-1", t.plusSeconds(7), new PlayerScored("pf-a", "level", 2, ScoreOperator.SET)));
      // Timestamps going backwards: an earlier first_seen, and a session of 0 s rather than < 0.
      log.publish(EventLog.event("pf-1", t.minusSeconds(30), new PlayerDisconnected("pf-a", null)));
      log.publish(
          EventLog.event("pf-2", t.plusSeconds(20), new PlayerConnected("pf-a", "Ada2", null)));
      awaitApplied(ACCOUNT, log.last());
    }
    JsonNode ada = fixture.operator.get(BASE + "/players/pf-a").json();
    assertThat(ada.path("kills").asLong()).isEqualTo(2);
    assertThat(ada.path("deaths").asLong()).isEqualTo(1);
    assertThat(ada.path("kd").asDouble()).isEqualTo(2.0);
    assertThat(ada.path("chat_messages").asLong()).isEqualTo(1);
    assertThat(ada.path("stats").toString())
        .isEqualTo("{\"debt\":-4.0,\"gold\":7.0,\"lap\":70.0,\"level\":2.0}");
    assertThat(ada.path("first_seen").asText()).isEqualTo(t.minusSeconds(30).toString());
    assertThat(ada.path("last_seen").asText()).isEqualTo(t.plusSeconds(20).toString());
    assertThat(ada.path("sessions").asLong()).isEqualTo(1);
    assertThat(ada.path("play_time_seconds").asLong()).isZero();
    assertThat(ada.path("online_on").toString()).isEqualTo("[\"pf-2\"]");
    assertThat(ada.path("name").asText()).isEqualTo("Ada2");
    assertThat(ada.path("names").findValuesAsText("value")).containsExactly("Ada", "Ada2");
    assertThat(ada.path("servers").findValuesAsText("value")).containsExactly("pf-1", "pf-2");

    JsonNode found = fixture.operator.get(BASE + "/players?name=ada2").json();
    assertThat(found.path("items").findValuesAsText("player")).containsExactly("pf-a");
    assertThat(fixture.operator.get(BASE + "/players?name=zzz").json().path("items").size())
        .isZero();
  }

  @Test
  void aSilentServerIsUnresponsiveAndItsSilenceEndsTheSessions() throws Exception {
    fixture.server(ACCOUNT, "un-1");
    Instant t = now().minus(Duration.ofHours(1));
    try (EventLog log = log()) {
      log.publish(EventLog.event("un-1", t, new ServerStarted("rust", null, null, null)));
      log.publish(EventLog.event("un-1", t, new PlayerConnected("un-a", "Ada", null)));
      awaitApplied(
          ACCOUNT,
          log.publish(
              EventLog.event("un-1", t.plusSeconds(30), new ServerHeartbeat(1, null, null, null))));
      JsonNode silent = fixture.operator.get(BASE + "/servers/un-1/status").json();
      assertThat(silent.path("state").asText()).isEqualTo("unresponsive");
      assertThat(silent.path("current_players").asInt()).isZero();
      // Back after 10 minutes of silence (more than 90 s): the session ended at t + 30 s.
      awaitApplied(
          ACCOUNT,
          log.publish(
              EventLog.event(
                  "un-1", t.plusSeconds(630), new ServerHeartbeat(0, null, null, null))));
    }
    JsonNode ada = fixture.operator.get(BASE + "/players/un-a").json();
    assertThat(ada.path("sessions").asLong()).isEqualTo(1);
    assertThat(ada.path("play_time_seconds").asLong()).isEqualTo(30);
    assertThat(ada.path("online_on").size()).isZero();
  }

  @Test
  void badEventsAreDeadLetteredAndTheModelsKeepGoing() throws Exception {
    long before = fixture.operator.get(BASE + "/read-models").json().path("dead_letters").asLong();
    Instant t = now();
    try (EventLog log = log()) {
      Headers headers = new Headers();
      headers.put("ce-specversion", "1.0");
      headers.put("ce-id", "bad-1");
      headers.put("ce-source", "/servers/dl-1");
      headers.put("ce-type", "player.connected");
      headers.put("ce-time", t.toString());
      headers.put("ce-subject", "dl-a");
      log.raw(
          "v1.servers.dl-1.players.dl-a.events.player.connected",
          headers,
          "{not json".getBytes(StandardCharsets.UTF_8));
      Headers unknown = new Headers();
      unknown.put("ce-specversion", "2.0");
      log.raw(
          "v1.servers.dl-1.events.server.started", unknown, "{}".getBytes(StandardCharsets.UTF_8));
      awaitApplied(
          ACCOUNT,
          log.publish(EventLog.event("dl-1", t, new PlayerConnected("dl-a", "Ada", null))));
    }
    assertThat(fixture.operator.get(BASE + "/read-models").json().path("dead_letters").asLong())
        .isEqualTo(before + 2);
    assertThat(fixture.operator.get(BASE + "/players/dl-a").json().path("name").asText())
        .isEqualTo("Ada");
    JsonNode letters = fixture.operator.get(BASE + "/dead-letters?limit=200").json();
    JsonNode badJson = letters.path("items").get((int) before);
    assertThat(badJson.path("subject").asText())
        .isEqualTo("v1.servers.dl-1.players.dl-a.events.player.connected");
    assertThat(badJson.path("reason").asText()).contains("player.connected");
    assertThat(badJson.path("headers").path("ce-id").asText()).isEqualTo("bad-1");
    assertThat(java.util.Base64.getDecoder().decode(badJson.path("body").asText()))
        .isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
    assertThat(letters.path("items").get((int) before + 1).path("reason").asText())
        .contains("ce-specversion");
  }

  @Test
  void anotherTenantGets404AndBadParametersGetProblems() throws Exception {
    fixture.account("rm-other", "standard");
    PlatformFixture.Issued other = fixture.user("rm-other", "{\"name\":\"o\",\"kind\":\"owner\"}");
    fixture.server(ACCOUNT, "iso-1");
    for (String path :
        new String[] {
          BASE + "/servers/iso-1/status",
          BASE + "/players/x",
          BASE + "/players?name=a",
          BASE + "/read-models",
          BASE + "/dead-letters"
        }) {
      assertThat(other.api().get(path).status()).as(path).isEqualTo(404);
    }
    assertThat(fixture.operator.get(BASE + "/servers/nope/status").status()).isEqualTo(404);
    assertThat(fixture.operator.get("/api/v1/accounts/nope/read-models").status()).isEqualTo(404);
    assertThat(fixture.operator.get(BASE + "/players/never-seen").status()).isEqualTo(404);
    Api.Response badId = fixture.operator.get(BASE + "/players/a.b");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.json().path("errors").toString()).contains("player");
    assertThat(fixture.operator.get(BASE + "/players").status()).isEqualTo(400);
    assertThat(fixture.operator.get(BASE + "/players?name=a&limit=0").status()).isEqualTo(400);
    assertThat(fixture.operator.get(BASE + "/dead-letters?cursor=bm90LWEtbnVtYmVy").status())
        .isEqualTo(400);
    assertThat(other.api().post(BASE + "/read-models/rebuild", null).status()).isEqualTo(404);
    assertThat(other.api().delete(BASE + "/players/x").status()).isEqualTo(404);
    assertThat(fixture.operator.delete(BASE + "/players/a.b").status()).isEqualTo(400);
    // The other tenant's own models run too: its consumer started when it was created.
    assertThat(other.api().get("/api/v1/accounts/rm-other/read-models").status()).isEqualTo(200);
  }
}
