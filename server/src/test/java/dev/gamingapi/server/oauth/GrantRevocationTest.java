package dev.gamingapi.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.tenancy.TenancyServices;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An access token's grant is kept for up to a second after it was read (Grants#activeRecently), so
 * that a REST request with one costs no database read: what ends a grant through this instance
 * still refuses its tokens from the next request, and through another instance within a second.
 * Each token is used first, so that its grant is one this instance remembers.
 */
@OnEachDatabase
class GrantRevocationTest extends PlatformPerClass {
  private static final List<Map.Entry<String, String>> ALL_TYPES =
      List.of(Map.entry("servers", "s1"), Map.entry("all_event_types", "yes"));

  private OAuthApps apps;

  @Override
  protected void setUpPlatform() throws Exception {
    apps = new OAuthApps(fixture);
  }

  /** A tenant with a server and an owner, and an app's access token granted by that owner. */
  private record Granted(PlatformFixture.Issued owner, Api asApp) {}

  private Granted grant(String account) throws Exception {
    fixture.account(account, "standard");
    fixture.server(account, "s1");
    PlatformFixture.Issued owner = fixture.user(account, "{\"name\":\"boss\",\"kind\":\"owner\"}");
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    Tokens tokens = apps.grant(app, "events:read", owner.token(), ALL_TYPES);
    Api asApp = fixture.operator.as(tokens.getAccessToken().getValue());
    assertThat(asApp.get("/api/v1/whoami").status()).isEqualTo(200);
    return new Granted(owner, asApp);
  }

  @Test
  void revokingTheOwnerRefusesItsAppsTokenOnTheNextRequest() throws Exception {
    Granted granted = grant("lender");

    assertThat(fixture.operator.delete("/api/v1/accounts/lender/users/boss").status())
        .isEqualTo(204);

    assertThat(granted.asApp().get("/api/v1/whoami").status()).isEqualTo(401);
  }

  @Test
  void deletingTheTenantRefusesItsAppsTokenOnTheNextRequest() throws Exception {
    Granted granted = grant("closing");

    assertThat(fixture.operator.delete("/api/v1/accounts/closing?confirm=closing").status())
        .isEqualTo(204);

    assertThat(granted.asApp().get("/api/v1/whoami").status()).isEqualTo(401);
  }

  @Test
  void aGrantRevokedThroughOneInstanceIsRefusedByAnotherWithinASecond() throws Exception {
    Granted granted = grant("shared");
    JsonNode grant =
        granted
            .owner()
            .api()
            .get("/api/v1/accounts/shared/oauth/grants")
            .json()
            .path("items")
            .get(0);
    String id = grant.path("id").asText();
    TenancyServices tenancy = fixture.platform.tenancy();
    // What another platform instance on the same database holds: its own connections, and its
    // own grants remembered.
    try (Database database = Database.open(databaseUrl(), fixture.dataDir)) {
      Grants elsewhere =
          new Grants(
              new GrantStore(database.jdbi()),
              tenancy.users(),
              tenancy.accounts(),
              tenancy.audit(),
              Clock.systemUTC());
      assertThat(elsewhere.activeRecently(id)).isPresent();

      assertThat(
              granted.owner().api().delete("/api/v1/accounts/shared/oauth/grants/" + id).status())
          .isEqualTo(204);

      assertThat(granted.asApp().get("/api/v1/whoami").status()).isEqualTo(401);
      await()
          .atMost(Duration.ofSeconds(3))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> elsewhere.activeRecently(id).isEmpty());
    }
  }
}
