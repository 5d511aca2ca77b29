package dev.gamingapi.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Sharing events between tenants, and a restart that keeps every tenant, user, share and key. */
@OnEachDatabase
class SharesAndRestartTest {
  @TempDir Path dataDir;

  /** The control plane's database: SQLite here; a subclass runs the same test on another. */
  @Parameter String databaseKind;

  TestDatabase database() {
    return TestDatabase.of(databaseKind);
  }

  @Test
  void aGranteeSeesExactlyTheSharedServerUntilTheShareIsRemovedAndARestartLosesNothing()
      throws Exception {
    try (TestDatabase database = database()) {
      shareThenRestart(database);
    }
  }

  private void shareThenRestart(TestDatabase database) throws Exception {
    PlatformFixture.Issued statsOwner;
    String shareId;
    try (PlatformFixture fixture = PlatformFixture.start(dataDir, database)) {
      fixture.account("acme", "standard");
      fixture.account("statsco", "standard");
      fixture.server("acme", "eu-1");
      fixture.server("acme", "eu-2");
      PlatformFixture.Issued acme = fixture.user("acme", "{\"name\":\"o\",\"kind\":\"owner\"}");
      statsOwner = fixture.user("statsco", "{\"name\":\"o\",\"kind\":\"owner\"}");

      Api.Response shared =
          acme.api()
              .post(
                  "/api/v1/accounts/acme/shares",
                  "{\"grantee\":\"statsco\",\"servers\":[\"eu-1\"]}");
      assertThat(shared.status()).isEqualTo(201);
      shareId = shared.json().path("id").asText();
      assertThat(shareId).startsWith("shr_");
      assertThat(
              acme.api()
                  .post(
                      "/api/v1/accounts/acme/shares",
                      "{\"grantee\":\"statsco\",\"servers\":[\"eu-1\"]}")
                  .status())
          .isEqualTo(409);

      try (PlatformFixture.Client acmeClient = fixture.connect(acme, null);
          PlatformFixture.Client statsClient = fixture.connect(statsOwner, null)) {
        Subscription everything = statsClient.connection().subscribe(">");
        statsClient.connection().flush(Duration.ofSeconds(2));
        acmeClient.connection().publish("v1.servers.eu-1.events.server.started", "one".getBytes());
        acmeClient.connection().publish("v1.servers.eu-2.events.server.started", "two".getBytes());
        acmeClient.connection().flush(Duration.ofSeconds(2));
        Message first = everything.nextMessage(Duration.ofSeconds(2));
        assertThat(first).isNotNull();
        assertThat(first.getSubject())
            .isEqualTo("shared.acme.v1.servers.eu-1.events.server.started");
        assertThat(new String(first.getData())).isEqualTo("one");
        assertThat(everything.nextMessage(Duration.ofMillis(300)))
            .as("eu-2 is not shared")
            .isNull();
      }
    }

    try (PlatformFixture fixture = PlatformFixture.start(dataDir, database)) {
      // Accounts, users, servers, shares and keys all came back.
      Api statsApi = new Api(fixture.platform.connectionInfo().httpUrl(), statsOwner.token());
      assertThat(statsApi.get("/api/v1/accounts/statsco").status())
          .as("the token issued before the restart still works")
          .isEqualTo(200);
      assertThat(fixture.operator.get("/api/v1/accounts/acme/servers").json().path("items"))
          .hasSize(2);
      assertThat(fixture.operator.get("/api/v1/accounts/acme/shares").json().path("items"))
          .hasSize(1);

      try (PlatformFixture.Client statsClient = fixture.connect(statsOwner, null)) {
        Subscription shared = statsClient.connection().subscribe("shared.>");
        statsClient.connection().flush(Duration.ofSeconds(2));
        assertThat(fixture.operator.delete("/api/v1/accounts/acme/shares/" + shareId).status())
            .isEqualTo(204);
        PlatformFixture.Issued acme2 = fixture.user("acme", "{\"name\":\"o2\",\"kind\":\"owner\"}");
        try (PlatformFixture.Client acmeClient = fixture.connect(acme2, null)) {
          await()
              .atMost(Duration.ofSeconds(1))
              .pollDelay(Duration.ofMillis(100))
              .untilAsserted(
                  () -> {
                    acmeClient
                        .connection()
                        .publish("v1.servers.eu-1.events.server.stopped", "x".getBytes());
                    acmeClient.connection().flush(Duration.ofSeconds(1));
                    assertThat(shared.nextMessage(Duration.ofMillis(200))).isNull();
                  });
        }
      }
    }
  }
}
