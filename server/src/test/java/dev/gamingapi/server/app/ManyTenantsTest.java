package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.event.CommandSucceeded;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.server.testing.EventLog;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.testkit.http.RecordingEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred tenants on one node: creating the last costs the resolver what creating the first
 * did (counted, not timed), and after a restart every tenant's read models, notifications and
 * commands work. The bench ({@code ./run-bench control}) gives the times and memory at thousands.
 */
class ManyTenantsTest {
  private static final int TENANTS = 200;
  private static final int SAMPLE = 20;

  /**
   * Small reservations, so that a few hundred tenants fit any machine's JetStream limits: every
   * account's reservation counts against the node's, used or not (200 MiB of memory and 800 MiB of
   * disk here).
   */
  private static final String TINY_PLAN =
      """
      [{"name": "tiny", "memory_storage": 1048576, "disk_storage": 4194304, "streams": 3,
        "consumers": 20, "max_payload": 65536, "event_max_age_seconds": 604800,
        "event_max_bytes": 3145728, "connections": 10, "api_requests_per_minute": 1200}]
      """;

  @TempDir Path dataDir;
  @TempDir Path tmp;

  @Test
  void theLastTenantCostsWhatTheFirstDidAndAllWorkAfterARestart() throws Exception {
    ApiConfig control =
        new ApiConfig(
            "127.0.0.1", 0, null, Files.writeString(tmp.resolve("plans.json"), TINY_PLAN));
    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < TENANTS; i++) {
      tenants.add(String.format("t%03d", i));
    }
    try (RecordingEndpoint hooks = RecordingEndpoint.start()) {
      List<Long> resolverRequests = new ArrayList<>();
      try (PlatformFixture fixture = PlatformFixture.start(dataDir, control)) {
        long lists = fixture.platform.resolver().listsSent();
        for (String tenant : tenants) {
          long before = fixture.platform.resolver().requestsSent();
          assertThat(fixture.account(tenant, "tiny").path("name").asText()).isEqualTo(tenant);
          resolverRequests.add(fixture.platform.resolver().requestsSent() - before);
          fixture.server(tenant, "s1");
          assertThat(
                  fixture
                      .operator
                      .post(
                          "/api/v1/accounts/" + tenant + "/notifications",
                          "{\"kind\":\"webhook\",\"url\":\""
                              + hooks.url("/hook/" + tenant)
                              + "\",\"event_types\":[\"server.started\"]}")
                      .status())
              .isEqualTo(201);
        }
        // A list of every account is what grew with the count: none while creating.
        assertThat(fixture.platform.resolver().listsSent()).isEqualTo(lists);
      }
      assertThat(resolverRequests.subList(TENANTS - SAMPLE, TENANTS))
          .as("resolver requests of the last creations, against the first ones")
          .allSatisfy(
              last ->
                  assertThat(last)
                      .isLessThanOrEqualTo(
                          resolverRequests.subList(0, SAMPLE).stream()
                              .mapToLong(Long::longValue)
                              .max()
                              .orElseThrow()));

      try (PlatformFixture fixture = PlatformFixture.start(dataDir, control)) {
        List<String> commands = new ArrayList<>();
        for (String tenant : tenants) {
          var sent =
              fixture.operator.post(
                  "/api/v1/accounts/" + tenant + "/servers/s1/commands", "{\"name\":\"save\"}");
          assertThat(sent.status()).as(tenant).isEqualTo(202);
          commands.add(sent.json().path("id").asText());
        }
        Instant t = Instant.now();
        for (int i = 0; i < TENANTS; i++) {
          try (EventLog log = new EventLog(fixture.platform, tenants.get(i))) {
            log.publish(EventLog.event("s1", t, new ServerStarted("rust", "m", "1", 10)));
            log.publish(EventLog.event("s1", t, new PlayerConnected("p1", "Ada", null)));
            log.publish(
                EventLog.event(
                    "s1",
                    t,
                    new CommandSucceeded(
                        commands.get(i), "save", JsonNodeFactory.instance.objectNode())));
          }
        }
        await("every tenant's webhook")
            .atMost(Duration.ofSeconds(60))
            .until(() -> hookedTenants(hooks).size() == TENANTS);
        for (int i = 0; i < TENANTS; i++) {
          String tenant = tenants.get(i);
          String command = "/api/v1/accounts/" + tenant + "/servers/s1/commands/" + commands.get(i);
          await(tenant + "'s command result")
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> fixture.operator.get(command).json().path("status").asText(),
                  "succeeded"::equals);
          await(tenant + "'s player profile")
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> fixture.operator.get("/api/v1/accounts/" + tenant + "/players/p1").status(),
                  status -> status == 200);
        }
      }
    }
  }

  private static Set<String> hookedTenants(RecordingEndpoint hooks) {
    Set<String> tenants = new TreeSet<>();
    hooks.accepted().forEach(request -> tenants.add(request.path()));
    return tenants;
  }
}
