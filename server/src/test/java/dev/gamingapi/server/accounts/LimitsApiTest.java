package dev.gamingapi.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.PlatformFixture;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.StreamConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant's own limits, from a plan defined in the plans file: broker quotas and API rate. */
class LimitsApiTest {
  @TempDir static Path dataDir;
  static PlatformFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    Path plans =
        Files.writeString(
            dataDir.resolve("plans.json"),
            """
            [{"name": "tiny", "memory_storage": 1048576, "disk_storage": 16777216,
              "streams": 3, "consumers": 5, "max_payload": 4096,
              "event_max_age_seconds": 3600, "event_max_bytes": 8388608,
              "connections": 5, "api_requests_per_minute": 4},
             {"name": "colossal", "memory_storage": 1048576, "disk_storage": 1125899906842624,
              "streams": 3, "consumers": 5, "max_payload": 4096,
              "event_max_age_seconds": 3600, "event_max_bytes": 1125899906842624,
              "connections": 5, "api_requests_per_minute": 100}]
            """);
    fixture =
        PlatformFixture.start(
            dataDir.resolve("platform"),
            new ApiConfig("127.0.0.1", 0, null, plans, Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void theBrokerEnforcesTheTenantsOwnStorageAndPayloadLimits() throws Exception {
    assertThat(fixture.operator.get("/api/v1/plans").json().path("items").toString())
        .contains("\"name\":\"tiny\"");
    fixture.account("little", "tiny");
    PlatformFixture.Issued owner = fixture.user("little", "{\"name\":\"o\",\"kind\":\"owner\"}");
    try (PlatformFixture.Client client = fixture.connect(owner, null)) {
      var jsm = client.connection().jetStreamManagement();
      // EVENTS reserves 8 MiB of the 16 MiB: a stream asking 12 MiB more does not fit.
      assertThatThrownBy(
              () ->
                  jsm.addStream(
                      StreamConfiguration.builder()
                          .name("BIG")
                          .subjects("big")
                          .maxBytes(12L * 1024 * 1024)
                          .build()))
          .isInstanceOf(JetStreamApiException.class)
          .hasMessageContaining("insufficient storage");
      assertThat(client.connection().getMaxPayload()).isEqualTo(4096);
      assertThatThrownBy(
              () -> client.connection().publish("v1.servers.s.events.custom.x", new byte[5000]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("5000 vs 4096");
    }
  }

  @Test
  void aUserThatTakesItsTenantOverTheConnectionQuotaIsSuspendedThenLetBackIn() throws Exception {
    fixture.account("crowded", "tiny"); // 5 connections
    PlatformFixture.Issued owner = fixture.user("crowded", "{\"name\":\"o\",\"kind\":\"owner\"}");
    PlatformFixture.Issued other =
        fixture.user("crowded", "{\"name\":\"calm\",\"kind\":\"owner\"}");
    List<PlatformFixture.Client> clients = new ArrayList<>();
    try (PlatformFixture.Client bystander = fixture.connect(other, null)) {
      for (int i = 0; i < 5; i++) {
        clients.add(fixture.connect(owner, null)); // the 5th takes the tenant to 6 of 5
      }
      await()
          .atMost(Duration.ofSeconds(3))
          .until(
              () ->
                  clients.stream()
                      .allMatch(c -> c.connection().getStatus() != Connection.Status.CONNECTED));
      assertThat(bystander.connection().getStatus())
          .as("only the user that went over is cut")
          .isEqualTo(Connection.Status.CONNECTED);
      JsonNode audit = fixture.operator.get("/api/v1/accounts/crowded/audit").json().path("items");
      assertThat(audit)
          .extracting(item -> item.path("action").asText())
          .contains("connections.over_quota", "user.suspended");
      assertThat(
              fixture
                  .operator
                  .get("/api/v1/accounts/crowded/usage")
                  .json()
                  .path("connections")
                  .path("used")
                  .asLong())
          .isLessThanOrEqualTo(5);

      // The suspension (2 s here) ends by itself; the same credentials work again.
      await()
          .atMost(Duration.ofSeconds(6))
          .pollInterval(Duration.ofMillis(250))
          .ignoreExceptions()
          .until(
              () -> {
                try (PlatformFixture.Client again = fixture.connect(owner, null)) {
                  return again.connection().getStatus() == Connection.Status.CONNECTED;
                }
              });
    } finally {
      for (PlatformFixture.Client client : clients) {
        client.close();
      }
    }
  }

  @Test
  void anAccountTheBrokerHasNoRoomForIsRefusedAndLeavesNothingBehind() throws Exception {
    // 1 PiB of disk: more than the broker's JetStream store can reserve.
    JsonNode storage = fixture.operator.get("/api/v1/broker/storage").json();
    long remaining = storage.path("nodes").get(0).path("disk").path("remaining").asLong();
    assertThat(remaining).isPositive().isLessThan(1125899906842624L);
    Api.Response refused =
        fixture.operator.post("/api/v1/accounts", "{\"name\":\"giant\",\"plan\":\"colossal\"}");
    // Not "cannot reach JetStream" (503): what was short, what the plan reserves, what is left.
    assertThat(refused.status()).isEqualTo(507);
    assertThat(refused.json().path("type").asText()).endsWith("/insufficient-storage");
    assertThat(refused.json().path("short_of").asText()).isEqualTo("disk");
    assertThat(refused.json().path("plan").asText()).isEqualTo("colossal");
    assertThat(refused.json().path("plan_reserves_bytes").asLong()).isEqualTo(1125899906842624L);
    assertThat(refused.json().path("broker_remaining_bytes").asLong()).isEqualTo(remaining);
    assertThat(refused.json().path("detail").asText())
        .contains("plan 'colossal'", "1.0 PiB of disk", " left of ");
    assertThat(fixture.operator.get("/api/v1/accounts/giant").status()).isEqualTo(404);
    assertThat(fixture.platform.resolver().listAccounts())
        .doesNotContain(refused.json().path("public_key").asText("none"));

    // Nothing half-made blocks the name or the tenants that fit.
    assertThat(
            fixture
                .operator
                .post("/api/v1/accounts", "{\"name\":\"giant\",\"plan\":\"tiny\"}")
                .status())
        .isEqualTo(201);
    Api.Response upgrade =
        fixture.operator.patch("/api/v1/accounts/giant", "{\"plan\":\"colossal\"}");
    assertThat(upgrade.status()).isEqualTo(507);
    assertThat(upgrade.json().path("broker_remaining_bytes").asLong()).isPositive();
    assertThat(fixture.operator.get("/api/v1/accounts/giant").json().path("plan").asText())
        .as("a failed upgrade goes back to the old plan")
        .isEqualTo("tiny");
  }

  @Test
  void onlyTheOperatorSeesWhatTheBrokerCanStillReserveAndAnAccountReservesItsPlan()
      throws Exception {
    JsonNode node = fixture.operator.get("/api/v1/broker/storage").json().path("nodes").get(0);
    JsonNode disk = node.path("disk");
    assertThat(disk.path("max").asLong()).isPositive();
    assertThat(disk.path("remaining").asLong())
        .isEqualTo(disk.path("max").asLong() - disk.path("reserved").asLong());
    fixture.account("nosy", "tiny");
    // The node reserves the new EVENTS stream's max_bytes (tiny's event_max_bytes, 8 MiB).
    JsonNode after = fixture.operator.get("/api/v1/broker/storage").json().path("nodes").get(0);
    assertThat(disk.path("remaining").asLong() - after.path("disk").path("remaining").asLong())
        .isEqualTo(8388608L);
    PlatformFixture.Issued owner = fixture.user("nosy", "{\"name\":\"o\",\"kind\":\"owner\"}");
    assertThat(owner.api().get("/api/v1/broker/storage").status()).isEqualTo(403);
  }

  @Test
  void aTokenOverItsPlansRateGets429WithRetryAfter() throws Exception {
    fixture.account("chatty", "tiny");
    PlatformFixture.Issued owner = fixture.user("chatty", "{\"name\":\"o\",\"kind\":\"owner\"}");
    for (int i = 0; i < 4; i++) {
      assertThat(owner.api().get("/api/v1/accounts/chatty").status()).isEqualTo(200);
    }
    Api.Response limited = owner.api().get("/api/v1/accounts/chatty");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(limited.json().path("detail").asText()).contains("4 requests a minute");
    // Another user's budget, and the operator's, are their own.
    PlatformFixture.Issued other = fixture.user("chatty", "{\"name\":\"o2\",\"kind\":\"owner\"}");
    assertThat(other.api().get("/api/v1/accounts/chatty").status()).isEqualTo(200);
    assertThat(fixture.operator.get("/api/v1/accounts/chatty").status()).isEqualTo(200);
  }
}
