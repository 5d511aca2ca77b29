package dev.gamingapi.server.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** Rebuilding the read models from the log, and forgetting a player (log and models). */
@OnEachDatabase
class HistoryMaintenanceTest extends PlatformPerClass {
  private void awaitApplied(String account, long seq) throws InterruptedException {
    EventLog.awaitApplied(fixture.operator, account, seq);
  }

  @Test
  void aRebuildGivesTheSameModelsAndAForgottenPlayerStaysForgotten() throws Exception {
    fixture.account("mx", "standard");
    fixture.server("mx", "m-1");
    String base = "/api/v1/accounts/mx";
    PlatformFixture.Issued owner = fixture.user("mx", "{\"name\":\"o\",\"kind\":\"owner\"}");
    PlatformFixture.Issued app = fixture.user("mx", "{\"name\":\"a\",\"kind\":\"app\"}");
    Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (EventLog log = new EventLog(fixture.platform, "mx")) {
      log.publish(EventLog.event("m-1", t, new ServerStarted("rust", "m", null, null)));
      log.publish(EventLog.event("m-1", t, new PlayerConnected("keep_1", "Kim", null)));
      log.publish(EventLog.event("m-1", t, new PlayerConnected("gone_1", "Gus", null)));
      log.publish(
          EventLog.event(
              "m-1", t.plusSeconds(1), new PlayerKilled("keep_1", "gone_1", null, null, null)));
      log.publish(
          EventLog.event(
              "m-1", t.plusSeconds(2), new PlayerKilled("gone_1", "keep_1", null, null, null)));
      awaitApplied("mx", log.last());
    }
    String kim = owner.api().get(base + "/players/keep_1").raw().body();
    String status = owner.api().get(base + "/servers/m-1/status").json().path("players").toString();
    assertThat(status).isEqualTo("[\"gone_1\",\"keep_1\"]");

    // Rebuild: an app may not; the owner may; the models come back the same from the log.
    assertThat(app.api().post(base + "/read-models/rebuild", null).status()).isEqualTo(403);
    Api.Response rebuilt = owner.api().post(base + "/read-models/rebuild", null);
    assertThat(rebuilt.status()).isEqualTo(202);
    assertThat(rebuilt.json().path("position").asLong()).isZero();
    awaitApplied("mx", 5);
    assertThat(owner.api().get(base + "/players/keep_1").raw().body()).isEqualTo(kim);

    // Forget gone_1: erased from the log, gone from every model, audited.
    assertThat(app.api().delete(base + "/players/gone_1").status()).isEqualTo(403);
    Api.Response forgotten = owner.api().delete(base + "/players/gone_1");
    assertThat(forgotten.status()).isEqualTo(200);
    assertThat(forgotten.json().path("erased_events").asLong()).isEqualTo(2);
    assertThat(owner.api().get(base + "/players/gone_1").status()).isEqualTo(404);
    assertThat(owner.api().get(base + "/servers/m-1/status").json().path("players").toString())
        .isEqualTo("[\"keep_1\"]");
    assertThat(owner.api().get(base + "/players?name=gus").json().path("items").size()).isZero();
    assertThat(subjectCount("mx", "v1.servers.*.players.gone_1.events.>")).isZero();
    assertThat(subjectCount("mx", "v1.servers.*.players.keep_1.events.>")).isEqualTo(2);
    JsonNode audit = owner.api().get(base + "/audit").json().path("items").get(0);
    assertThat(audit.path("action").asText()).isEqualTo("player.forgotten");
    assertThat(audit.path("target").asText()).isEqualTo("gone_1");
    assertThat(audit.path("actor").asText()).isEqualTo("user:o");

    // A rebuild afterwards does not bring the player back; the others are as they were.
    assertThat(owner.api().post(base + "/read-models/rebuild", null).status()).isEqualTo(202);
    awaitApplied("mx", 4); // 5 was gone_1's, erased
    assertThat(owner.api().get(base + "/players/gone_1").status()).isEqualTo(404);
    assertThat(owner.api().get(base + "/players/keep_1").json().path("kills").asLong())
        .isEqualTo(1);
  }

  private long subjectCount(String account, String subject) throws Exception {
    Connection connection =
        BrokerConnections.connect(
            fixture.brokerUrl(),
            fixture.platform.tenancy().accounts().internalUser(account, "t", Duration.ofMinutes(1)),
            "test",
            false);
    try {
      return connection
                  .jetStreamManagement()
                  .getStreamInfo(
                      "EVENTS", io.nats.client.api.StreamInfoOptions.filterSubjects(subject))
                  .getStreamState()
                  .getSubjectCount()
              == 0
          ? 0
          : connection
              .jetStreamManagement()
              .getStreamInfo("EVENTS", io.nats.client.api.StreamInfoOptions.filterSubjects(subject))
              .getStreamState()
              .getSubjects()
              .stream()
              .mapToLong(s -> s.getCount())
              .sum();
    } catch (JetStreamApiException e) {
      throw new IllegalStateException(e);
    } finally {
      BrokerConnections.closeQuietly(connection);
    }
  }

  @Test
  void lagIsAPrometheusGaugePerTenantAndComesBackToZero() throws Exception {
    try (EventLog log = new EventLog(fixture.platform, "default")) {
      for (int i = 0; i < 50; i++) {
        log.publish(
            EventLog.event("lag-1", Instant.now(), new PlayerChatted("lag-a", null, "hi", null)));
      }
      awaitApplied("default", log.last());
    }
    // The gauge follows the write (set once the batch is committed and acked), so it may trail
    // the position in the database by a moment.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(fixture.operator.get("/metrics").raw().body())
                  .contains("gamingapi_readmodel_lag_events{account=\"default\"} 0.0");
              assertThat(
                      fixture
                          .operator
                          .get("/api/v1/accounts/default/read-models")
                          .json()
                          .path("lag")
                          .asLong())
                  .isZero();
            });
  }
}
