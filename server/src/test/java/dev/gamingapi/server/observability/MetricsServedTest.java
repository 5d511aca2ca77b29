package dev.gamingapi.server.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.NotifyEvents;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.Scrape;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the alerts and the dashboard read is served by a real platform's {@code /metrics}, and moves
 * with what it stands for: a tenant over its connection quota, a webhook that fails, a command that
 * a game server answers, events stored by JetStream. Then every metric name that {@code
 * deploy/observability/alerts.yml} and the Grafana dashboard use must be among those served, so
 * that a renamed meter breaks the build rather than an operator's alerts.
 */
class MetricsServedTest {
  @TempDir Path dataDir;

  @Test
  void everyMetricTheAlertsAndTheDashboardUseIsServedAndMoves() throws Exception {
    Path plans =
        Files.writeString(
            dataDir.resolve("plans.json"),
            """
            [{"name": "small", "memory_storage": 1048576, "disk_storage": 16777216,
              "streams": 3, "consumers": 8, "max_payload": 65536,
              "event_max_age_seconds": 3600, "event_max_bytes": 8388608,
              "connections": 2, "api_requests_per_minute": 1000}]
            """);
    ApiConfig api =
        new ApiConfig("127.0.0.1", 0, null, plans, Duration.ofSeconds(2)).withMetricsPort(0);
    try (PlatformFixture fixture = PlatformFixture.start(dataDir.resolve("platform"), api);
        HttpClient http = HttpClient.newHttpClient()) {
      URI metricsUrl = URI.create(fixture.platform.connectionInfo().metricsUrl());
      Scrape before = scrape(http, metricsUrl);
      assertThat(before.value("gamingapi_broker_up", Map.of())).isEqualTo(1.0);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  scrape(http, metricsUrl).value("gamingapi_broker_nodes_answering", Map.of())
                      == 1.0);
      double storedBefore =
          scrape(http, metricsUrl).value("gamingapi_jetstream_storage_used_bytes", Map.of());

      fixture.account("obs", "small");
      PlatformFixture.Issued owner = fixture.user("obs", "{\"name\":\"o\",\"kind\":\"owner\"}");

      // A webhook whose endpoint refuses every connection: failed attempts, retried.
      int deadPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        deadPort = socket.getLocalPort();
      }
      Api.Response rule =
          owner
              .api()
              .post(
                  "/api/v1/accounts/obs/notifications",
                  "{\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:" + deadPort + "/hook\"}");
      assertThat(rule.status()).as(rule.raw().body()).isEqualTo(201);
      try (PlatformFixture.Client client = fixture.connect(owner, null)) {
        for (int i = 0; i < 20; i++) {
          NotifyEvents.publish(
              client.connection(), "s1", new PlayerChatted("p" + i, "Ada", "hello " + i, null));
        }
      }

      // A command that a game server runs: one latency observation, outcome succeeded.
      fixture.server("obs", "s1");
      PlatformFixture.Issued host =
          fixture.user("obs", "{\"name\":\"host\",\"kind\":\"game_server\",\"server\":\"s1\"}");
      String commands = "/api/v1/accounts/obs/servers/s1/commands";
      Api.Response sent = owner.api().post(commands, "{\"name\":\"broadcast\",\"args\":{}}");
      assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
      String id = sent.json().path("id").asText();
      try (GameServerClient game =
              GameServerClient.builder()
                  .url(fixture.brokerUrl())
                  .credentials(host.creds())
                  .journalDir(dataDir.resolve("journal"))
                  .build();
          CommandReceiver receiver =
              CommandReceiver.builder(game).on("broadcast", cmd -> null).start()) {
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    "succeeded"
                        .equals(
                            owner.api().get(commands + "/" + id).json().path("status").asText()));
      }

      // Three connections of a plan that allows two.
      PlatformFixture.Issued crowd = fixture.user("obs", "{\"name\":\"crowd\",\"kind\":\"owner\"}");
      List<PlatformFixture.Client> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          clients.add(fixture.connect(crowd, null));
        }
        System.gc(); // the GC pause timer appears with the first collection
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () -> {
                  Scrape now = scrape(http, metricsUrl);
                  assertThat(
                          now.value(
                              "gamingapi_tenant_over_quota_total",
                              Map.of("account", "obs", "quota", "connections")))
                      .isGreaterThanOrEqualTo(1.0);
                  assertThat(
                          now.value(
                              "gamingapi_notification_attempts_total",
                              Map.of("account", "obs", "kind", "webhook", "outcome", "failed")))
                      .isGreaterThanOrEqualTo(1.0);
                  assertThat(
                          now.value(
                              "gamingapi_command_duration_seconds_count",
                              Map.of("outcome", "succeeded")))
                      .isEqualTo(1.0);
                  assertThat(
                          now.value(
                              "gamingapi_command_duration_seconds_bucket",
                              Map.of("outcome", "succeeded", "le", "+Inf")))
                      .isEqualTo(1.0);
                  assertThat(now.value("gamingapi_jetstream_storage_used_bytes", Map.of()))
                      .isGreaterThan(storedBefore);
                  assertThat(now.value("gamingapi_readmodel_lag_events", Map.of("account", "obs")))
                      .isNotNaN();
                  Set<String> used = new TreeSet<>();
                  used.addAll(ObservabilityFiles.metricsUsedBy(ObservabilityFiles.ALERTS));
                  used.addAll(ObservabilityFiles.metricsUsedBy(ObservabilityFiles.DASHBOARD));
                  assertThat(used).hasSizeGreaterThan(20);
                  assertThat(now.names()).containsAll(used);
                });
      } finally {
        for (PlatformFixture.Client client : clients) {
          client.close();
        }
      }
    }
  }

  private static Scrape scrape(HttpClient http, URI url) throws Exception {
    return Scrape.of(http, url, null);
  }
}
