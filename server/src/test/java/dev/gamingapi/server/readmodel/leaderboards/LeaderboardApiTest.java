package dev.gamingapi.server.readmodel.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Leaderboards: backfill, ranks with ties at page edges, around, count, periods, bad input. */
@OnEachDatabase
class LeaderboardApiTest extends PlatformPerClass {
  private void awaitApplied(String account, long seq) throws InterruptedException {
    EventLog.awaitApplied(fixture.operator, account, seq);
  }

  private static List<String> ranks(JsonNode items) {
    List<String> ranks = new ArrayList<>();
    items.forEach(
        item ->
            ranks.add(
                item.path("rank").asLong()
                    + ":"
                    + item.path("player").asText()
                    + "="
                    + item.path("score").asDouble()));
    return ranks;
  }

  @Test
  void aBoardDefinedAfterItsEventsRanksTiesByWhoReachedTheScoreFirst() throws Exception {
    fixture.account("lb", "standard");
    String base = "/api/v1/accounts/lb/leaderboards/kills";
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    long last;
    try (EventLog log = new EventLog(fixture.platform, "lb")) {
      for (String killer : new String[] {"b", "b", "a", "a", "b", "c", "c", "a", "d", "d", "e"}) {
        t = t.plusSeconds(1);
        log.publish(EventLog.event("s1", t, new PlayerKilled(killer, "z", null, null, null)));
      }
      last = log.last();
      awaitApplied("lb", last);
    }
    // Defined after the events: backfilled from the log.
    Api.Response defined =
        fixture.operator.send(
            "PUT", base, "{\"stat\":\"kills\",\"operator\":\"incr\"}", "application/json");
    assertThat(defined.status()).isEqualTo(200);
    assertThat(defined.json().path("reset").asText()).isEqualTo("none");
    awaitApplied("lb", last);

    JsonNode first = fixture.operator.get(base + "/entries?limit=2").json();
    assertThat(first.path("period").asText()).isEqualTo("all");
    assertThat(ranks(first.path("items"))).containsExactly("1:b=3.0", "2:a=3.0");
    JsonNode second =
        fixture
            .operator
            .get(base + "/entries?limit=2&cursor=" + first.path("next_cursor").asText())
            .json();
    assertThat(ranks(second.path("items"))).containsExactly("3:c=2.0", "4:d=2.0");
    JsonNode third =
        fixture
            .operator
            .get(base + "/entries?limit=2&cursor=" + second.path("next_cursor").asText())
            .json();
    assertThat(ranks(third.path("items"))).containsExactly("5:e=1.0");
    assertThat(third.path("next_cursor").isNull()).isTrue();

    assertThat(fixture.operator.get(base + "/players/d").json().path("rank").asLong()).isEqualTo(4);
    assertThat(fixture.operator.get(base + "/players/a").json().path("rank").asLong()).isEqualTo(2);
    assertThat(ranks(fixture.operator.get(base + "/players/d/around?n=1").json().path("items")))
        .containsExactly("3:c=2.0", "4:d=2.0", "5:e=1.0");
    assertThat(ranks(fixture.operator.get(base + "/players/b/around?n=2").json().path("items")))
        .containsExactly("1:b=3.0", "2:a=3.0", "3:c=2.0");
    assertThat(fixture.operator.get(base + "/count").json().path("count").asLong()).isEqualTo(5);
    assertThat(fixture.operator.get(base + "/players/z").status()).isEqualTo(404);
  }

  @Test
  void periodsResetInTheBoardsTimeZoneAndASessionAcrossMidnightCountsOnBothDays() throws Exception {
    fixture.account("lp", "standard");
    String base = "/api/v1/accounts/lp/leaderboards/";
    assertThat(
            fixture
                .operator
                .send(
                    "PUT",
                    base + "play",
                    "{\"stat\":\"play_time\",\"reset\":\"daily\","
                        + "\"time_zone\":\"Europe/Paris\"}",
                    "application/json")
                .status())
        .isEqualTo(200);
    assertThat(
            fixture
                .operator
                .send(
                    "PUT",
                    base + "lap",
                    "{\"stat\":\"scored.lap\",\"operator\":\"best\"," + "\"order\":\"asc\"}",
                    "application/json")
                .status())
        .isEqualTo(200);
    Instant start = Instant.parse("2026-11-23T22:30:00Z"); // 23:30 in Paris
    try (EventLog log = new EventLog(fixture.platform, "lp")) {
      log.publish(EventLog.event("s1", start, new PlayerConnected("ada", "Ada", null)));
      log.publish(
          EventLog.event(
              "s1", start.plusSeconds(10), new PlayerScored("ada", "lap", 70, ScoreOperator.BEST)));
      log.publish(
          EventLog.event(
              "s1", start.plusSeconds(20), new PlayerScored("ada", "lap", 60, ScoreOperator.BEST)));
      log.publish(
          EventLog.event(
              "s1", start.plusSeconds(30), new PlayerScored("bob", "lap", 60, ScoreOperator.BEST)));
      log.publish(
          EventLog.event(
              "s1", start.plusSeconds(40), new PlayerScored("ada", "lap", 65, ScoreOperator.BEST)));
      log.publish(
          EventLog.event(
              "s1", start.plusSeconds(60), new PlayerScored("cyd", "lap", 50, ScoreOperator.BEST)));
      // Heartbeat-free but not silent for 90 s: a kill every minute keeps the server alive.
      for (int minute = 1; minute < 60; minute++) {
        log.publish(
            EventLog.event(
                "s1",
                start.plusSeconds(60L * minute + 1),
                new PlayerKilled("bob", "x", null, null, null)));
      }
      awaitApplied(
          "lp",
          log.publish(
              EventLog.event("s1", start.plusSeconds(3600), new PlayerDisconnected("ada", null))));
    }
    assertThat(fixture.operator.get(base + "play/periods").json().path("periods").toString())
        .isEqualTo("[\"2026-11-24\",\"2026-11-23\"]");
    assertThat(
            fixture
                .operator
                .get(base + "play/players/ada?period=2026-11-23")
                .json()
                .path("score")
                .asDouble())
        .isEqualTo(1800.0);
    assertThat(
            fixture
                .operator
                .get(base + "play/players/ada?period=2026-11-24")
                .json()
                .path("score")
                .asDouble())
        .isEqualTo(1800.0);
    assertThat(ranks(fixture.operator.get(base + "lap/entries").json().path("items")))
        .containsExactly("1:cyd=50.0", "2:ada=60.0", "3:bob=60.0");
  }

  @Test
  void badDefinitionsAndQueriesGetProblemsAndOtherTenantsGet404() throws Exception {
    fixture.account("lx", "standard");
    fixture.account("ly", "standard");
    PlatformFixture.Issued app = fixture.user("lx", "{\"name\":\"a\",\"kind\":\"app\"}");
    PlatformFixture.Issued other = fixture.user("ly", "{\"name\":\"o\",\"kind\":\"owner\"}");
    String base = "/api/v1/accounts/lx/leaderboards/k";
    String ok = "{\"stat\":\"kills\"}";
    for (String bad :
        new String[] {
          "{\"stat\":\"kills\",\"reset\":\"0 0 * * *\"}",
          "{\"stat\":\"kills\",\"reset\":\"cron\"}",
          "{\"stat\":\"kills\",\"cron\":\"61 * * * *\"}",
          "{\"stat\":\"kills\",\"cron\":\"0 0 31 2 *\"}",
          "{\"stat\":\"kills\",\"cron\":\"0 0 * *\"}",
          "{\"stat\":\"kills\",\"reset\":\"daily\",\"cron\":\"0 0 * * *\"}",
          "{\"stat\":\"kills\",\"time_zone\":\"Mars/Base\"}",
          "{\"stat\":\"score\"}",
          "{\"stat\":\"kills\",\"operator\":\"max\"}",
          "{\"stat\":\"kills\",\"order\":\"up\"}",
          "{\"stat\":\"kills\",\"server\":\"a.b\"}",
          "{}"
        }) {
      assertThat(fixture.operator.send("PUT", base, bad, "application/json").status())
          .as(bad)
          .isEqualTo(400);
    }
    assertThat(app.api().send("PUT", base, ok, "application/json").status()).isEqualTo(403);
    assertThat(fixture.operator.send("PUT", base, ok, "application/json").status()).isEqualTo(200);
    assertThat(fixture.operator.send("PUT", base, ok, "application/json").status()).isEqualTo(200);
    assertThat(app.api().get(base + "/entries").status()).isEqualTo(200);
    assertThat(fixture.operator.get(base + "/entries?period=yesterday").status()).isEqualTo(400);
    assertThat(fixture.operator.get(base + "/entries?cursor=bm9wZQ").status()).isEqualTo(400);
    assertThat(fixture.operator.get(base + "/players/a/around?n=0").status()).isEqualTo(400);
    assertThat(fixture.operator.get(base + "/players/a.b").status()).isEqualTo(400);
    assertThat(fixture.operator.get("/api/v1/accounts/lx/leaderboards/nope").status())
        .isEqualTo(404);
    for (String path :
        new String[] {
          base,
          base + "/entries",
          base + "/players/a",
          base + "/players/a/around",
          base + "/count",
          base + "/periods"
        }) {
      assertThat(other.api().get(path).status()).as(path).isEqualTo(404);
    }
    assertThat(other.api().send("PUT", base, ok, "application/json").status()).isEqualTo(404);
    assertThat(other.api().send("DELETE", base, null, null).status()).isEqualTo(404);
    assertThat(other.api().get("/api/v1/accounts/lx/leaderboards").status()).isEqualTo(404);
    assertThat(app.api().send("DELETE", base, null, null).status()).isEqualTo(403);
    assertThat(app.api().get("/api/v1/accounts/lx/leaderboards").status()).isEqualTo(200);
  }

  @Test
  void aCronBoardStartsAPeriodAtEachFiringInItsZoneAndSplitsASessionThere() throws Exception {
    fixture.account("lc", "standard");
    String base = "/api/v1/accounts/lc/leaderboards/";
    // Fridays at 18:00 in Paris (UTC+1 in November): 2026-11-20T17:00:00Z.
    String friday = ",\"reset\":\"cron\",\"cron\":\"0 18 * * fri\",\"time_zone\":\"Europe/Paris\"}";
    Api.Response kills =
        fixture.operator.send(
            "PUT", base + "kills", "{\"stat\":\"kills\"" + friday, "application/json");
    assertThat(kills.status()).isEqualTo(200);
    assertThat(kills.json().path("reset").asText()).isEqualTo("cron");
    assertThat(kills.json().path("cron").asText()).isEqualTo("0 18 * * fri");
    assertThat(
            fixture
                .operator
                .send("PUT", base + "play", "{\"stat\":\"play_time\"" + friday, "application/json")
                .status())
        .isEqualTo(200);
    Instant boundary = Instant.parse("2026-11-20T17:00:00Z");
    java.util.TreeMap<Instant, EventData> events = new java.util.TreeMap<>();
    // Heartbeats every 30 s: the server is never silent long enough to close the session.
    for (int second = -1770; second < 1800; second += 30) {
      events.put(boundary.plusSeconds(second), new ServerHeartbeat(1, null, null, null));
    }
    events.put(boundary.minusSeconds(1800), new PlayerConnected("ada", "Ada", null));
    events.put(boundary.minusSeconds(61), new PlayerKilled("ada", "x", null, null, null));
    events.put(boundary.minusSeconds(1), new PlayerKilled("bob", "x", null, null, null));
    events.put(boundary, new PlayerKilled("bob", "x", null, null, null));
    events.put(boundary.plusSeconds(61), new PlayerKilled("bob", "x", null, null, null));
    events.put(boundary.plusSeconds(1800), new PlayerDisconnected("ada", null));
    try (EventLog log = new EventLog(fixture.platform, "lc")) {
      long last = 0;
      for (var event : events.entrySet()) {
        last = log.publish(EventLog.event("s1", event.getKey(), event.getValue()));
      }
      awaitApplied("lc", last);
    }
    assertThat(fixture.operator.get(base + "kills/periods").json().path("periods").toString())
        .isEqualTo("[\"2026-11-20T18:00\",\"2026-11-13T18:00\"]");
    assertThat(
            ranks(
                fixture
                    .operator
                    .get(base + "kills/entries?period=2026-11-13T18:00")
                    .json()
                    .path("items")))
        .containsExactly("1:ada=1.0", "2:bob=1.0");
    assertThat(
            ranks(
                fixture
                    .operator
                    .get(base + "kills/entries?period=2026-11-20T18:00")
                    .json()
                    .path("items")))
        .containsExactly("1:bob=2.0");
    for (String period : new String[] {"2026-11-13T18:00", "2026-11-20T18:00"}) {
      assertThat(
              fixture
                  .operator
                  .get(base + "play/players/ada?period=" + period)
                  .json()
                  .path("score")
                  .asDouble())
          .as(period)
          .isEqualTo(1800.0);
    }
  }

  @Test
  void boardsAreListedDeletedWithTheirScoresAndForgetRemovesAPlayerFromThem() throws Exception {
    fixture.account("ld", "standard");
    String boards = "/api/v1/accounts/ld/leaderboards";
    for (String name : new String[] {"kills", "deaths"}) {
      assertThat(
              fixture
                  .operator
                  .send(
                      "PUT", boards + "/" + name, "{\"stat\":\"" + name + "\"}", "application/json")
                  .status())
          .isEqualTo(200);
    }
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    try (EventLog log = new EventLog(fixture.platform, "ld")) {
      log.publish(EventLog.event("s1", t, new PlayerKilled("ada", "bob", null, null, null)));
      log.publish(
          EventLog.event("s1", t.plusSeconds(1), new PlayerKilled("bob", "ada", null, null, null)));
      awaitApplied(
          "ld",
          log.publish(
              EventLog.event(
                  "s1", t.plusSeconds(2), new PlayerKilled("cyd", "ada", null, null, null))));
    }
    JsonNode list = fixture.operator.get(boards).json().path("items");
    assertThat(list).extracting(b -> b.path("name").asText()).containsExactly("deaths", "kills");

    assertThat(
            fixture.operator.send("DELETE", "/api/v1/accounts/ld/players/bob", null, null).status())
        .isEqualTo(200);
    assertThat(ranks(fixture.operator.get(boards + "/kills/entries").json().path("items")))
        .containsExactly("1:ada=1.0", "2:cyd=1.0");
    assertThat(fixture.operator.get(boards + "/kills/count").json().path("count").asLong())
        .isEqualTo(2);
    assertThat(fixture.operator.get(boards + "/kills/players/cyd").json().path("rank").asLong())
        .isEqualTo(2);

    assertThat(fixture.operator.send("DELETE", boards + "/deaths", null, null).status())
        .isEqualTo(204);
    assertThat(fixture.operator.send("DELETE", boards + "/deaths", null, null).status())
        .isEqualTo(404);
    assertThat(fixture.operator.get(boards + "/deaths/entries").status()).isEqualTo(404);
    assertThat(fixture.operator.get(boards).json().path("items"))
        .extracting(b -> b.path("name").asText())
        .containsExactly("kills");
    // Defined again: backfilled from the log, without the forgotten player.
    fixture.operator.send("PUT", boards + "/deaths", "{\"stat\":\"deaths\"}", "application/json");
  }
}
