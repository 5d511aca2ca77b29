package dev.gamingapi.server.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.PlatformFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command must fit the tenant's own max payload, which can be far below the REST body limit. */
class CommandsLimitsTest {
  @TempDir static Path dataDir;
  static PlatformFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    Path plans =
        Files.writeString(
            dataDir.resolve("plans.json"),
            """
            [{"name": "small", "memory_storage": 1048576, "disk_storage": 16777216,
              "streams": 2, "consumers": 5, "max_payload": 4096,
              "event_max_age_seconds": 3600, "event_max_bytes": 8388608,
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
  void aCommandOverTheAccountsMaxPayloadIsRefusedAndNotQueued() {
    fixture.account("small-co", "small"); // two streams: EVENTS and COMMANDS fit exactly
    fixture.server("small-co", "s1");
    String base = "/api/v1/accounts/small-co/servers/s1/commands";

    String args = "{\"text\":\"" + "x".repeat(5_000) + "\"}";
    Api.Response refused =
        fixture.operator.post(base, "{\"name\":\"broadcast\",\"args\":" + args + "}");
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.json().path("detail").asText()).contains("limit is 4096");
    assertThat(fixture.operator.get(base).json().path("items")).isEmpty();

    String fits = "{\"text\":\"" + "x".repeat(3_000) + "\"}";
    assertThat(
            fixture.operator.post(base, "{\"name\":\"broadcast\",\"args\":" + fits + "}").status())
        .isEqualTo(202);
  }
}
