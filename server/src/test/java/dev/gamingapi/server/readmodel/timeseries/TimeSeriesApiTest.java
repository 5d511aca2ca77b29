package dev.gamingapi.server.readmodel.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The time series over REST, built by the platform's consumer from events published to the tenant's
 * log (real broker, real database): counted once when the log holds an event twice, the same after
 * a rebuild, a forgotten player's activity gone, and closed to other tenants.
 */
@OnEachDatabase
class TimeSeriesApiTest extends PlatformPerClass {
  private static final String ACCOUNT = "ts";
  private static final String BASE = "/api/v1/accounts/" + ACCOUNT;

  @Test
  void serverSeriesCountEventsOnceAndFollowThePlayersOnline() throws Exception {
    fixture.account(ACCOUNT, "standard");
    fixture.server(ACCOUNT, "ts-1");
    PlatformFixture.Issued owner = fixture.user(ACCOUNT, "{\"name\":\"o\",\"kind\":\"owner\"}");
    // Ten minutes ago, on a minute: every event below stays inside the last hour.
    Instant t = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
    try (EventLog log = new EventLog(fixture.platform, ACCOUNT)) {
      log.publish(EventLog.event("ts-1", t.plusSeconds(1), new ServerStarted("cs2", "m", null, 8)));
      log.publish(EventLog.event("ts-1", t.plusSeconds(2), new PlayerConnected("ta", "A", null)));
      log.publish(EventLog.event("ts-1", t.plusSeconds(3), new PlayerConnected("tb", "B", null)));
      log.publish(EventLog.event("ts-1", t.plusSeconds(4), new PlayerConnected("tc", "C", null)));
      log.publish(EventLog.event("ts-1", t.plusSeconds(5), new PlayerDisconnected("tc", null)));
      Event kill =
          EventLog.event("ts-1", t.plusSeconds(61), new PlayerKilled("ta", "tb", null, null, null));
      log.publish(kill);
      log.publishAgain(kill); // stored twice in the log, the same ce-id: counted once
      log.publish(
          EventLog.event("ts-1", t.plusSeconds(121), new PlayerChatted("ta", "A", "gg", "all")));
      EventLog.awaitApplied(fixture.operator, ACCOUNT, log.last());
    }

    JsonNode hour = owner.api().get(BASE + "/servers/ts-1/timeseries?range=hour").json();
    assertThat(hour.path("server").asText()).isEqualTo("ts-1");
    assertThat(hour.path("step_seconds").asInt()).isEqualTo(60);
    assertThat(hour.path("points").size()).isEqualTo(60);
    assertThat(point(hour, t)).isEqualTo("5 events, 2 online, peak 3");
    assertThat(point(hour, t.plusSeconds(60))).isEqualTo("1 events, 2 online, peak 2");
    assertThat(point(hour, t.plusSeconds(120))).isEqualTo("1 events, 2 online, peak 2");
    // No event: the two stay while the server is not unresponsive (90 s), then count as gone.
    assertThat(point(hour, t.plusSeconds(180))).isEqualTo("0 events, 2 online, peak 2");
    assertThat(point(hour, t.plusSeconds(300))).isEqualTo("0 events, 0 online, peak 0");
    assertThat(point(hour, t.minusSeconds(60))).isEqualTo("0 events, 0 online, peak 0");

    JsonNode day = owner.api().get(BASE + "/servers/ts-1/timeseries?range=day").json();
    assertThat(day.path("step_seconds").asInt()).isEqualTo(300);
    assertThat(day.path("points").size()).isEqualTo(288);
    assertThat(total(day)).isEqualTo(7);
    JsonNode week = owner.api().get(BASE + "/timeseries?range=week").json();
    assertThat(week.path("step_seconds").asInt()).isEqualTo(3600);
    assertThat(week.path("points").size()).isEqualTo(168);
    assertThat(total(week)).isEqualTo(7);
    JsonNode all = owner.api().get(BASE + "/timeseries").json();
    assertThat(all.path("range").asText()).isEqualTo("hour");
    assertThat(total(all)).isEqualTo(7);
    JsonNode ta = owner.api().get(BASE + "/players/ta/activity?range=day").json();
    assertThat(ta.path("step_seconds").asInt()).isEqualTo(600);
    assertThat(total(ta)).isEqualTo(3); // connect, kill (as the killer), chat
    assertThat(total(owner.api().get(BASE + "/players/tb/activity").json())).isEqualTo(1);

    // A rebuild from the log gives the same series; forgetting a player takes their activity.
    String before = owner.api().get(BASE + "/servers/ts-1/timeseries?range=day").raw().body();
    assertThat(owner.api().post(BASE + "/read-models/rebuild", null).status()).isEqualTo(202);
    EventLog.awaitApplied(fixture.operator, ACCOUNT, 8);
    assertThat(owner.api().get(BASE + "/servers/ts-1/timeseries?range=day").raw().body())
        .isEqualTo(before);
    assertThat(total(owner.api().get(BASE + "/players/ta/activity?range=week").json()))
        .isEqualTo(3);
    assertThat(owner.api().delete(BASE + "/players/ta").status()).isEqualTo(200);
    assertThat(total(owner.api().get(BASE + "/players/ta/activity?range=week").json())).isZero();
    assertThat(total(owner.api().get(BASE + "/players/tb/activity?range=week").json()))
        .isEqualTo(1);
  }

  @Test
  void anotherTenantGets404AGameServer403AndBadParametersProblems() throws Exception {
    fixture.account("ts-iso", "standard");
    fixture.server("ts-iso", "iso-1");
    fixture.account("ts-rival", "standard");
    PlatformFixture.Issued rival = fixture.user("ts-rival", "{\"name\":\"r\",\"kind\":\"owner\"}");
    PlatformFixture.Issued game =
        fixture.user("ts-iso", "{\"name\":\"g\",\"kind\":\"game_server\",\"server\":\"iso-1\"}");
    String base = "/api/v1/accounts/ts-iso";
    for (String path :
        new String[] {
          base + "/timeseries", base + "/servers/iso-1/timeseries", base + "/players/p1/activity"
        }) {
      assertThat(rival.api().get(path).status()).as(path).isEqualTo(404);
      assertThat(game.api().get(path).status()).as(path).isEqualTo(403);
      assertThat(fixture.operator.get(path).status()).as(path).isEqualTo(200);
      Api.Response bad = fixture.operator.get(path + "?range=month");
      assertThat(bad.status()).as(path).isEqualTo(400);
      assertThat(bad.json().path("errors").toString()).contains("range");
    }
    assertThat(fixture.operator.get(base + "/servers/nope/timeseries").status()).isEqualTo(404);
    assertThat(fixture.operator.get(base + "/players/a.b/activity").status()).isEqualTo(400);
  }

  private static String point(JsonNode series, Instant at) {
    for (JsonNode point : series.path("points")) {
      if (point.path("at").asText().equals(at.toString())) {
        return point.path("events").asLong()
            + " events, "
            + point.path("players_online").asInt()
            + " online, peak "
            + point.path("peak_players").asInt();
      }
    }
    throw new AssertionError("no point at " + at + " in " + series);
  }

  private static long total(JsonNode series) {
    long total = 0;
    for (JsonNode point : series.path("points")) {
      total += point.path("events").asLong();
    }
    return total;
  }
}
