package dev.gamingapi.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow with PKCE, driven by the Nimbus OAuth 2.0 SDK: the owner signs in,
 * narrows the scope on the consent page, the app redeems the code, and the token it gets is a JWT
 * that a plain JOSE library verifies against the published JWKS and that the REST API takes as an
 * app of exactly the granted scope.
 */
@OnEachDatabase
class AuthorizationCodeFlowTest extends PlatformPerClass {
  private OAuthApps apps;
  private PlatformFixture.Issued owner;

  @Override
  protected void setUpPlatform() throws Exception {
    apps = new OAuthApps(fixture);
    fixture.account("flow", "standard");
    fixture.account("other", "standard");
    fixture.server("flow", "s1");
    fixture.server("flow", "s2");
    owner = fixture.user("flow", "{\"name\":\"boss\",\"kind\":\"owner\"}");
  }

  @Test
  void anOwnerNarrowsTheScopeAndTheAppGetsAVerifiableJwtOfExactlyThat() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\",\"commands:send\"]");
    OAuthApps.Attempt attempt = apps.request(app, "events:read commands:send server:s1 server:s2");
    Browser browser = new Browser(fixture.httpUrl());

    HttpResponse<String> consent = OAuthApps.signIn(browser, attempt, owner.token());
    assertThat(consent.statusCode()).isEqualTo(200);
    assertThat(consent.body()).contains("Stats Site", "flow", "s1", "s2", "send commands");
    assertThat(consent.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(consent.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
    // Only s1 stays ticked, and commands are unticked.
    HttpResponse<String> back =
        OAuthApps.approve(
            browser,
            consent,
            List.of(Map.entry("servers", "s1"), Map.entry("all_event_types", "yes")));

    assertThat(back.statusCode()).isEqualTo(303);
    AuthorizationResponse response =
        AuthorizationResponse.parse(
            URI.create(back.headers().firstValue("Location").orElseThrow()));
    assertThat(response.indicatesSuccess()).isTrue();
    assertThat(response.getState()).isEqualTo(attempt.state());
    String code = ((AuthorizationSuccessResponse) response).getAuthorizationCode().getValue();
    TokenResponse tokens = apps.redeem(app, code, attempt.verifier());
    assertThat(tokens.indicatesSuccess()).as(tokens.toString()).isTrue();
    var issued = ((AccessTokenResponse) tokens).getTokens();
    assertThat(issued.getRefreshToken()).isNotNull();
    String jwt = issued.getAccessToken().getValue();

    JWTClaimsSet claims = verifyAgainstJwks(jwt);
    assertThat(claims.getIssuer()).isEqualTo(fixture.httpUrl());
    assertThat(claims.getAudience()).containsExactly(fixture.httpUrl() + "/api/v1");
    assertThat(claims.getStringClaim("client_id")).isEqualTo(app.id().getValue());
    assertThat(claims.getStringClaim("scope")).isEqualTo("events:read server:s1");
    assertThat(claims.getStringClaim("account")).isEqualTo("flow");
    assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());

    var api = fixture.operator.as(jwt);
    var whoami = api.get("/api/v1/whoami").json();
    assertThat(whoami.path("kind").asText()).isEqualTo("app");
    assertThat(whoami.path("servers").toString()).isEqualTo("[\"s1\"]");
    assertThat(whoami.path("may_send_commands").asBoolean()).isFalse();
    assertThat(api.get("/api/v1/accounts/flow/servers").status()).isEqualTo(200);
    assertThat(api.get("/api/v1/accounts/other/servers").status()).isEqualTo(404);
    assertThat(api.post("/api/v1/accounts/flow/servers", "{\"id\":\"s3\"}").status())
        .isEqualTo(403);
  }

  private JWTClaimsSet verifyAgainstJwks(String jwt) throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.ES256,
            JWKSourceBuilder.create(new URL(fixture.httpUrl() + "/.well-known/jwks.json"))
                .retrying(false)
                .build()));
    return processor.process(jwt, null);
  }

  @Test
  void theMetadataNamesTheEndpointsAndPkceS256() {
    var metadata = fixture.operator.as(null).get("/.well-known/oauth-authorization-server");
    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.json().path("issuer").asText()).isEqualTo(fixture.httpUrl());
    assertThat(metadata.json().path("token_endpoint").asText())
        .isEqualTo(fixture.httpUrl() + "/oauth/token");
    assertThat(metadata.json().path("code_challenge_methods_supported").toString())
        .isEqualTo("[\"S256\"]");
  }

  static String codeOf(HttpResponse<String> redirect) throws Exception {
    var response =
        AuthorizationResponse.parse(URI.create(redirect.headers().firstValue("Location").get()));
    return ((AuthorizationSuccessResponse) response).getAuthorizationCode().getValue();
  }

  static String errorOf(TokenResponse response) {
    return ((TokenErrorResponse) response).getErrorObject().getCode();
  }
}
