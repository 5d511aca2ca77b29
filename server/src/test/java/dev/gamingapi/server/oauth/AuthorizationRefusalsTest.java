package dev.gamingapi.server.oauth;

import static dev.gamingapi.server.oauth.AuthorizationCodeFlowTest.codeOf;
import static dev.gamingapi.server.oauth.AuthorizationCodeFlowTest.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each refusal of the flow, with the error code its RFC names. */
@OnEachDatabase
class AuthorizationRefusalsTest extends PlatformPerClass {
  private static final List<Map.Entry<String, String>> ALL =
      List.of(Map.entry("all_servers", "yes"), Map.entry("all_event_types", "yes"));

  private OAuthApps apps;
  private PlatformFixture.Issued owner;

  @Override
  protected void setUpPlatform() throws Exception {
    apps = new OAuthApps(fixture);
    fixture.account("refusals", "standard");
    fixture.server("refusals", "s1");
    owner = fixture.user("refusals", "{\"name\":\"boss\",\"kind\":\"owner\"}");
  }

  private String approvedCode(OAuthApps.App app, OAuthApps.Attempt attempt) throws Exception {
    Browser browser = new Browser(fixture.httpUrl());
    HttpResponse<String> consent = OAuthApps.signIn(browser, attempt, owner.token());
    return codeOf(OAuthApps.approve(browser, consent, ALL));
  }

  @Test
  void aWrongVerifierIsRefusedAndAReplayedCodeRevokesWhatItsFirstUseGave() throws Exception {
    OAuthApps.App app = apps.register("confidential", "[\"events:read\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read");
    String code = approvedCode(app, attempt);

    assertThat(errorOf(apps.redeem(app, code, new CodeVerifier()))).isEqualTo("invalid_grant");
    TokenResponse first = apps.redeem(app, code, attempt.verifier());
    assertThat(first.indicatesSuccess()).isTrue();
    String token = ((AccessTokenResponse) first).getTokens().getAccessToken().getValue();
    assertThat(fixture.operator.as(token).get("/api/v1/whoami").status()).isEqualTo(200);

    assertThat(errorOf(apps.redeem(app, code, attempt.verifier()))).isEqualTo("invalid_grant");
    assertThat(fixture.operator.as(token).get("/api/v1/whoami").status()).isEqualTo(401);
  }

  @Test
  void aCodeOfAnotherClientIsRefused() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    OAuthApps.App thief = apps.register("public", "[\"events:read\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read");
    String code = approvedCode(app, attempt);

    assertThat(errorOf(apps.redeem(thief, code, attempt.verifier()))).isEqualTo("invalid_grant");
  }

  @Test
  void aReusedRefreshTokenRevokesTheWholeGrant() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read");
    var tokens =
        ((AccessTokenResponse) apps.redeem(app, approvedCode(app, attempt), attempt.verifier()))
            .getTokens();

    TokenResponse rotated = apps.token(app, new RefreshTokenGrant(tokens.getRefreshToken()));
    assertThat(rotated.indicatesSuccess()).isTrue();
    var next = ((AccessTokenResponse) rotated).getTokens();
    assertThat(next.getRefreshToken()).isNotEqualTo(tokens.getRefreshToken());
    String nextAccess = next.getAccessToken().getValue();
    assertThat(fixture.operator.as(nextAccess).get("/api/v1/whoami").status()).isEqualTo(200);

    TokenResponse reused = apps.token(app, new RefreshTokenGrant(tokens.getRefreshToken()));
    assertThat(errorOf(reused)).isEqualTo("invalid_grant");
    assertThat(fixture.operator.as(nextAccess).get("/api/v1/whoami").status()).isEqualTo(401);
    assertThat(errorOf(apps.token(app, new RefreshTokenGrant(next.getRefreshToken()))))
        .isEqualTo("invalid_grant");
  }

  @Test
  void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    URI attack =
        URI.create(
            apps.request(app, "events:read")
                .uri()
                .toString()
                .replace("127.0.0.1%3A9%2Fcb", "evil.example%2Fcb"));

    HttpResponse<String> page = new Browser(fixture.httpUrl()).get(attack);

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void aScopeWiderThanTheClientMayAskIsSentBackAsInvalidScope() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read commands:send");

    HttpResponse<String> back = new Browser(fixture.httpUrl()).get(attempt.uri());

    AuthorizationResponse response =
        AuthorizationResponse.parse(URI.create(back.headers().firstValue("Location").get()));
    assertThat(((AuthorizationErrorResponse) response).getErrorObject().getCode())
        .isEqualTo("invalid_scope");
    assertThat(response.getState()).isEqualTo(attempt.state());
  }

  @Test
  void aScopeWiderThanTheOwnerHasIsSentBackAsInvalidScope() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read server:not-mine");

    HttpResponse<String> back =
        OAuthApps.signIn(new Browser(fixture.httpUrl()), attempt, owner.token());

    AuthorizationResponse response =
        AuthorizationResponse.parse(URI.create(back.headers().firstValue("Location").get()));
    assertThat(((AuthorizationErrorResponse) response).getErrorObject().getCode())
        .isEqualTo("invalid_scope");
  }

  @Test
  void aDecisionPostedFromAnotherBrowserIsRefusedWithoutRedirect() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read");
    HttpResponse<String> consent =
        OAuthApps.signIn(new Browser(fixture.httpUrl()), attempt, owner.token());

    // A forged cross-site post carries the form's fields but not the owner's session cookie.
    HttpResponse<String> forged = OAuthApps.approve(new Browser(fixture.httpUrl()), consent, ALL);

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.headers().firstValue("Location")).isEmpty();
  }
}
