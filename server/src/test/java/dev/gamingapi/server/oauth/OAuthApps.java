package dev.gamingapi.server.oauth;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.gamingapi.server.testing.PlatformFixture;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A third-party app and its owner's browser, driven with the Nimbus OAuth 2.0 SDK (an independent
 * client library): registration by the operator, the authorization request, sign-in and consent,
 * and token requests.
 */
final class OAuthApps {
  static final String REDIRECT = "http://127.0.0.1:9/cb";

  private final PlatformFixture fixture;

  OAuthApps(PlatformFixture fixture) {
    this.fixture = fixture;
  }

  /** A registered app: its id, and its secret when confidential. */
  record App(ClientID id, Secret secret) {}

  App register(String type, String scopes) {
    var created =
        fixture
            .operator
            .post("/api/v1/oauth/clients", OAuthClientsTest.clientJson(type, REDIRECT, scopes))
            .json();
    String secret = created.path("client_secret").asText(null);
    return new App(
        new ClientID(created.path("client").path("client_id").asText()),
        secret == null ? null : new Secret(secret));
  }

  /** One authorization attempt: what the app keeps (state, verifier) and the URL it sends. */
  record Attempt(State state, CodeVerifier verifier, URI uri) {}

  Attempt request(App app, String scope) {
    State state = new State();
    CodeVerifier verifier = new CodeVerifier();
    URI uri =
        new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), app.id())
            .redirectionURI(URI.create(REDIRECT))
            .scope(Scope.parse(scope))
            .state(state)
            .codeChallenge(verifier, CodeChallengeMethod.S256)
            .endpointURI(URI.create(fixture.httpUrl() + "/oauth/authorize"))
            .build()
            .toURI();
    return new Attempt(state, verifier, uri);
  }

  /** The browser signs in with {@code ownerToken}; answers the consent page. */
  static HttpResponse<String> signIn(Browser browser, Attempt attempt, String ownerToken)
      throws Exception {
    HttpResponse<String> page = browser.get(attempt.uri());
    if (page.statusCode() != 200) {
      return page;
    }
    List<Map.Entry<String, String>> form = new ArrayList<>(Browser.hidden(page.body()));
    form.add(Map.entry("token", ownerToken));
    return browser.post("/oauth/authorize", form);
  }

  /** The owner approves on {@code consent} with {@code ticked} fields; answers the redirect. */
  static HttpResponse<String> approve(
      Browser browser, HttpResponse<String> consent, List<Map.Entry<String, String>> ticked)
      throws Exception {
    List<Map.Entry<String, String>> form = new ArrayList<>(Browser.hidden(consent.body()));
    form.addAll(ticked);
    form.add(Map.entry("lifetime", Long.toString(30L * 24 * 3600)));
    form.add(Map.entry("decision", "approve"));
    return browser.post("/oauth/authorize/decision", form);
  }

  /**
   * A whole flow: {@code app} asks for {@code scope}, the owner of {@code ownerToken} ticks {@code
   * ticked}, the app redeems the code.
   */
  com.nimbusds.oauth2.sdk.token.Tokens grant(
      App app, String scope, String ownerToken, List<Map.Entry<String, String>> ticked)
      throws Exception {
    Attempt attempt = request(app, scope);
    Browser browser = new Browser(fixture.httpUrl());
    HttpResponse<String> back = approve(browser, signIn(browser, attempt, ownerToken), ticked);
    TokenResponse response =
        redeem(app, AuthorizationCodeFlowTest.codeOf(back), attempt.verifier());
    return response.toSuccessResponse().getTokens();
  }

  TokenResponse redeem(App app, String code, CodeVerifier verifier) throws Exception {
    return token(
        app,
        new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(REDIRECT), verifier));
  }

  TokenResponse token(App app, AuthorizationGrant grant) throws Exception {
    URI endpoint = URI.create(fixture.httpUrl() + "/oauth/token");
    TokenRequest request =
        app.secret() == null
            ? new TokenRequest(endpoint, app.id(), grant)
            : new TokenRequest(endpoint, new ClientSecretBasic(app.id(), app.secret()), grant);
    return TokenResponse.parse(ProtocolExchanges.send(request.toHTTPRequest()));
  }
}
