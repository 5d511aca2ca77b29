package dev.gamingapi.server.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.testing.Api;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import dev.gamingapi.server.testing.PlatformPerClass;
import io.nats.client.Connection;
import io.nats.client.NKey;
import io.nats.client.Subscription;
import io.nats.client.support.JwtUtils;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What happens to a grant after the flow: the app introspects and revokes its tokens (RFC 7662, RFC
 * 7009, through the Nimbus SDK), gets NATS credentials for its own key that read only what was
 * granted, and the owner lists the grant and revokes it, which ends REST access and drops the NATS
 * connection within a second.
 */
@OnEachDatabase
class GrantLifecycleTest extends PlatformPerClass {
  private static final List<Map.Entry<String, String>> ALL_TYPES =
      List.of(Map.entry("servers", "s1"), Map.entry("all_event_types", "yes"));

  private OAuthApps apps;
  private PlatformFixture.Issued owner;

  @Override
  protected void setUpPlatform() throws Exception {
    apps = new OAuthApps(fixture);
    fixture.account("granted", "standard");
    fixture.account("bystander", "standard");
    fixture.server("granted", "s1");
    fixture.server("granted", "s2");
    owner = fixture.user("granted", "{\"name\":\"boss\",\"kind\":\"owner\"}");
  }

  private URI endpoint(String path) {
    return URI.create(fixture.httpUrl() + path);
  }

  private TokenIntrospectionSuccessResponse introspect(OAuthApps.App app, String token)
      throws Exception {
    HTTPResponse http =
        ProtocolExchanges.send(
            new TokenIntrospectionRequest(
                    endpoint("/oauth/introspect"),
                    new ClientSecretBasic(app.id(), app.secret()),
                    new com.nimbusds.oauth2.sdk.token.BearerAccessToken(token))
                .toHTTPRequest());
    return TokenIntrospectionResponse.parse(http).toSuccessResponse();
  }

  @Test
  void anAppIntrospectsItsTokenAndRevokingTheRefreshTokenEndsTheGrant() throws Exception {
    OAuthApps.App app = apps.register("confidential", "[\"events:read\"]");
    OAuthApps.App other = apps.register("confidential", "[\"events:read\"]");
    Tokens tokens = apps.grant(app, "events:read server:s1", owner.token(), ALL_TYPES);
    String access = tokens.getAccessToken().getValue();

    TokenIntrospectionSuccessResponse active = introspect(app, access);
    assertThat(active.isActive()).isTrue();
    assertThat(active.getScope().toString()).isEqualTo("events:read server:s1");
    assertThat(active.getClientID()).isEqualTo(app.id());
    assertThat(introspect(other, access).isActive()).isFalse();
    // A wrong secret is invalid_client, 401.
    HTTPResponse wrong =
        ProtocolExchanges.send(
            new TokenRevocationRequest(
                    endpoint("/oauth/revoke"),
                    new ClientSecretBasic(app.id(), new Secret("nope")),
                    tokens.getRefreshToken())
                .toHTTPRequest());
    assertThat(wrong.getStatusCode()).isEqualTo(401);

    HTTPResponse revoked =
        ProtocolExchanges.send(
            new TokenRevocationRequest(
                    endpoint("/oauth/revoke"),
                    new ClientSecretBasic(app.id(), app.secret()),
                    tokens.getRefreshToken())
                .toHTTPRequest());

    assertThat(revoked.getStatusCode()).isEqualTo(200);
    assertThat(introspect(app, access).isActive()).isFalse();
    assertThat(fixture.operator.as(access).get("/api/v1/whoami").status()).isEqualTo(401);
    assertThat(
            AuthorizationCodeFlowTest.errorOf(
                apps.token(app, new RefreshTokenGrant(tokens.getRefreshToken()))))
        .isEqualTo("invalid_grant");
  }

  @Test
  void revokingATokenOfAnotherClientIsRefusedAsUnauthorizedClientAndChangesNothing()
      throws Exception {
    OAuthApps.App app = apps.register("confidential", "[\"events:read\"]");
    OAuthApps.App other = apps.register("confidential", "[\"events:read\"]");
    Tokens tokens = apps.grant(app, "events:read server:s1", owner.token(), ALL_TYPES);
    String access = tokens.getAccessToken().getValue();

    // RFC 7009 2.1: the server checks the token was issued to the requesting client, and refuses
    // the request when not; both kinds of token, each refused without touching the grant.
    for (com.nimbusds.oauth2.sdk.token.Token token :
        List.of(tokens.getRefreshToken(), tokens.getAccessToken())) {
      HTTPResponse refused =
          ProtocolExchanges.send(
              new TokenRevocationRequest(
                      endpoint("/oauth/revoke"),
                      new ClientSecretBasic(other.id(), other.secret()),
                      token)
                  .toHTTPRequest());
      assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(400);
      assertThat(refused.getHeaderValue("Content-Type")).startsWith("application/json");
      assertThat(ErrorObject.parse(refused).getCode()).isEqualTo("unauthorized_client");
    }

    assertThat(introspect(app, access).isActive()).isTrue();
    assertThat(fixture.operator.as(access).get("/api/v1/whoami").status()).isEqualTo(200);
    assertThat(apps.token(app, new RefreshTokenGrant(tokens.getRefreshToken())).indicatesSuccess())
        .isTrue();
    // An unknown token is still answered 200 (RFC 7009 2.2).
    HTTPResponse unknown =
        ProtocolExchanges.send(
            new TokenRevocationRequest(
                    endpoint("/oauth/revoke"),
                    new ClientSecretBasic(other.id(), other.secret()),
                    new com.nimbusds.oauth2.sdk.token.RefreshToken("never-issued"))
                .toHTTPRequest());
    assertThat(unknown.getStatusCode()).isEqualTo(200);
  }

  @Test
  void natsCredentialsForTheAppsOwnKeyReadOnlyTheGrantAndDropWhenTheOwnerRevokes()
      throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    Tokens tokens = apps.grant(app, "events:read", owner.token(), ALL_TYPES);
    Api asApp = fixture.operator.as(tokens.getAccessToken().getValue());
    NKey key = NKey.createUser(null);
    Api.Response issued =
        asApp.post(
            "/api/v1/oauth/nats-credentials",
            "{\"public_key\":\"" + new String(key.getPublicKey()) + "\"}");
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(200);
    assertThat(issued.json().has("creds")).isFalse(); // the app holds the seed, nobody else
    Path creds = Files.createTempFile(fixture.dataDir, "app-", ".creds");
    Files.writeString(
        creds,
        String.format(
            JwtUtils.NATS_USER_JWT_FORMAT,
            issued.json().path("jwt").asText(),
            new String(key.getSeed())));
    PlatformFixture.Issued gs1 =
        fixture.user("granted", "{\"name\":\"gs1\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    PlatformFixture.Issued gs2 =
        fixture.user("granted", "{\"name\":\"gs2\",\"kind\":\"game_server\",\"server\":\"s2\"}");

    try (PlatformFixture.Client appClient =
            fixture.connect(
                new PlatformFixture.Issued("app", creds, null, null),
                issued.json().path("inbox_prefix").asText());
        PlatformFixture.Client server1 = fixture.connect(gs1, Subjects.inboxPrefix("s1"));
        PlatformFixture.Client server2 = fixture.connect(gs2, Subjects.inboxPrefix("s2"))) {
      Subscription granted = appClient.connection().subscribe(Subjects.everythingOf("s1"));
      appClient.connection().subscribe(Subjects.everythingOf("s2"));
      appClient.connection().flush(Duration.ofSeconds(2));
      server1.connection().publish(Subjects.serverEvents("s1", "server.started"), bytes("one"));
      server2.connection().publish(Subjects.serverEvents("s2", "server.started"), bytes("two"));

      assertThat(granted.nextMessage(Duration.ofSeconds(5))).isNotNull();
      await().untilAsserted(() -> assertThat(appClient.errors()).isNotEmpty());
      assertThat(appClient.errors().toString()).containsIgnoringCase("permissions violation");

      var grants = owner.api().get("/api/v1/accounts/granted/oauth/grants?limit=100").json();
      var grant = grants.path("items").get(grants.path("items").size() - 1);
      assertThat(grant.path("client_id").asText()).isEqualTo(app.id().getValue());
      assertThat(grant.path("scope").asText()).isEqualTo("events:read server:s1");
      assertThat(grant.path("last_used_at").isNull()).isFalse();
      // Another tenant's owner does not see it.
      PlatformFixture.Issued stranger =
          fixture.user("bystander", "{\"name\":\"o\",\"kind\":\"owner\"}");
      assertThat(stranger.api().get("/api/v1/accounts/granted/oauth/grants").status())
          .isEqualTo(404);

      long start = System.nanoTime();
      assertThat(
              owner
                  .api()
                  .delete("/api/v1/accounts/granted/oauth/grants/" + grant.path("id").asText())
                  .status())
          .isEqualTo(204);
      await()
          .atMost(Duration.ofSeconds(1))
          .until(() -> appClient.connection().getStatus() != Connection.Status.CONNECTED);
      long droppedMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(
          "oauth grant revoked: NATS connection dropped after " + droppedMillis + " ms");
      assertThat(asApp.get("/api/v1/whoami").status()).isEqualTo(401);
    }
  }

  @Test
  void natsCredentialsOfAGrantNarrowedToAnEventTypeReadOnlyThatType() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    Tokens tokens =
        apps.grant(
            app,
            "events:read server:s1 event:player.connected",
            owner.token(),
            List.of(Map.entry("servers", "s1"), Map.entry("event_types", "player.connected")));
    assertThat(tokens.getAccessToken().getScope().toString())
        .isEqualTo("events:read server:s1 event:player.connected");
    Api asApp = fixture.operator.as(tokens.getAccessToken().getValue());
    NKey key = NKey.createUser(null);
    Api.Response issued =
        asApp.post(
            "/api/v1/oauth/nats-credentials",
            "{\"public_key\":\"" + new String(key.getPublicKey()) + "\"}");
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(200);
    Path creds = Files.createTempFile(fixture.dataDir, "app-", ".creds");
    Files.writeString(
        creds,
        String.format(
            JwtUtils.NATS_USER_JWT_FORMAT,
            issued.json().path("jwt").asText(),
            new String(key.getSeed())));
    PlatformFixture.Issued gs1 =
        fixture.user("granted", "{\"name\":\"gs1t\",\"kind\":\"game_server\",\"server\":\"s1\"}");
    String connected = Subjects.event("s1", "p1", "player.connected");
    String disconnected = Subjects.event("s1", "p1", "player.disconnected");
    String started = Subjects.event("s1", null, "server.started");

    try (PlatformFixture.Client appClient =
            fixture.connect(
                new PlatformFixture.Issued("app", creds, null, null),
                issued.json().path("inbox_prefix").asText());
        PlatformFixture.Client server1 = fixture.connect(gs1, Subjects.inboxPrefix("s1"))) {
      Subscription granted = appClient.connection().subscribe(connected);
      appClient.connection().subscribe(disconnected);
      appClient.connection().subscribe(started);
      // A wider pattern would cover the other types too: refused as well.
      appClient.connection().subscribe(Subjects.playerEvents("s1", Subjects.ANY, Subjects.REST));
      appClient.connection().flush(Duration.ofSeconds(2));
      // Other types first: the connection keeps its order, so if the first message the app gets
      // is player.connected, the two before it never reached it.
      server1.connection().publish(disconnected, bytes("left"));
      server1.connection().publish(started, bytes("up"));
      server1.connection().publish(connected, bytes("joined"));

      var first = granted.nextMessage(Duration.ofSeconds(5));
      assertThat(first).isNotNull();
      assertThat(first.getSubject()).isEqualTo(connected);
      await()
          .untilAsserted(
              () ->
                  assertThat(appClient.errors().toString().toLowerCase())
                      .contains("permissions violation")
                      .contains(disconnected)
                      .contains(started)
                      .contains(Subjects.playerEvents("s1", Subjects.ANY, Subjects.REST)));
      assertThat(appClient.errors().toString()).doesNotContain("\"" + connected + "\"");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deletingTheAppRevokesItsGrants() throws Exception {
    OAuthApps.App app = apps.register("public", "[\"events:read\"]");
    Tokens tokens = apps.grant(app, "events:read", owner.token(), ALL_TYPES);
    Api asApp = fixture.operator.as(tokens.getAccessToken().getValue());
    assertThat(asApp.get("/api/v1/whoami").status()).isEqualTo(200);

    assertThat(fixture.operator.delete("/api/v1/oauth/clients/" + app.id().getValue()).status())
        .isEqualTo(204);

    assertThat(asApp.get("/api/v1/whoami").status()).isEqualTo(401);
    assertThat(
            AuthorizationCodeFlowTest.errorOf(
                apps.token(app, new RefreshTokenGrant(tokens.getRefreshToken()))))
        .isEqualTo("invalid_client");
  }
}
