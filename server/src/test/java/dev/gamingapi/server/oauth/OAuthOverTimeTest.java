package dev.gamingapi.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.SteppedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What time decides, on a platform whose clock the test steps instead of waiting: rotating the
 * signing key breaks no token in flight (a token signed by the old key keeps working and the old
 * key stays in the JWKS until that token has expired), and an authorization code expires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthOverTimeTest {
  private final SteppedClock clock = SteppedClock.atSystemTime();
  private PlatformFixture fixture;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    fixture = PlatformFixture.start(dataDir, clock);
  }

  @AfterAll
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private List<String> publishedKids() throws Exception {
    String body = fixture.operator.as(null).get("/.well-known/jwks.json").raw().body();
    return JWKSet.parse(body).getKeys().stream().map(key -> key.getKeyID()).toList();
  }

  private static String kidOf(Tokens tokens) throws Exception {
    return SignedJWT.parse(tokens.getAccessToken().getValue()).getHeader().getKeyID();
  }

  @Test
  void aTokenSignedBeforeARotationWorksUntilItExpiresAndItsKeyIsPublishedTill() throws Exception {
    fixture.account("rotating", "standard");
    PlatformFixture.Issued owner =
        fixture.user("rotating", "{\"name\":\"boss\",\"kind\":\"owner\"}");
    OAuthApps apps = new OAuthApps(fixture);
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    Tokens before =
        apps.grant(
            app,
            "events:read",
            owner.token(),
            List.of(Map.entry("all_servers", "yes"), Map.entry("all_event_types", "yes")));
    String oldKid = kidOf(before);
    Api oldToken = fixture.operator.as(before.getAccessToken().getValue());

    Api.Response rotated = fixture.operator.post("/api/v1/oauth/signing-keys/rotate", null);
    assertThat(rotated.status()).isEqualTo(200);
    String newKid = rotated.json().path("kid").asText();
    assertThat(newKid).isNotEqualTo(oldKid);
    Tokens after =
        apps.token(app, new RefreshTokenGrant(before.getRefreshToken()))
            .toSuccessResponse()
            .getTokens();

    assertThat(kidOf(after)).isEqualTo(newKid);
    assertThat(publishedKids()).containsExactlyInAnyOrder(oldKid, newKid);
    assertThat(oldToken.get("/api/v1/whoami").status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(4));
    assertThat(oldToken.get("/api/v1/whoami").status()).isEqualTo(200);
    assertThat(publishedKids()).contains(oldKid);

    clock.advance(Duration.ofMinutes(2));
    assertThat(oldToken.get("/api/v1/whoami").status()).isEqualTo(401);
    assertThat(publishedKids()).containsExactly(newKid);
    Tokens later =
        apps.token(app, new RefreshTokenGrant(after.getRefreshToken()))
            .toSuccessResponse()
            .getTokens();
    assertThat(kidOf(later)).isEqualTo(newKid);
    assertThat(
            fixture.operator.as(later.getAccessToken().getValue()).get("/api/v1/whoami").status())
        .isEqualTo(200);
  }

  @Test
  void aCodeRedeemedAfterItsMinuteIsInvalidGrant() throws Exception {
    fixture.account("slow", "standard");
    PlatformFixture.Issued owner = fixture.user("slow", "{\"name\":\"boss\",\"kind\":\"owner\"}");
    OAuthApps apps = new OAuthApps(fixture);
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read");
    Browser browser = new Browser(fixture.httpUrl());
    String code =
        AuthorizationCodeFlowTest.codeOf(
            OAuthApps.approve(
                browser,
                OAuthApps.signIn(browser, attempt, owner.token()),
                List.of(Map.entry("all_servers", "yes"), Map.entry("all_event_types", "yes"))));

    clock.advance(Duration.ofSeconds(61));

    assertThat(AuthorizationCodeFlowTest.errorOf(apps.redeem(app, code, attempt.verifier())))
        .isEqualTo("invalid_grant");
  }
}
