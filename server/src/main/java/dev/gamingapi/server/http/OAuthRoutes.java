package dev.gamingapi.server.http;

import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.oauth.AccessTokens;
import dev.gamingapi.server.oauth.Client;
import dev.gamingapi.server.oauth.ClientSpec;
import dev.gamingapi.server.oauth.Grant;
import dev.gamingapi.server.oauth.NatsCredentials;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.oauth.OAuthError;
import dev.gamingapi.server.oauth.RegisteredClient;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * The REST side of OAuth (docs/oauth.md): the operator registers apps (clients); an owner lists and
 * revokes the grants of its account. The protocol's own endpoints are in {@code http.oauth}.
 */
final class OAuthRoutes {
  private static final String CLIENTS = "/api/v1/oauth/clients";
  private static final String NATS_CREDENTIALS = "/api/v1/oauth/nats-credentials";
  private static final String GRANTS = "/api/v1/accounts/{account}/oauth/grants";

  private final OAuth oauth;

  OAuthRoutes(OAuth oauth) {
    this.oauth = oauth;
  }

  record CreateClient(
      String name, String homepage, List<String> redirectUris, List<String> scopes, String type) {}

  record ClientView(
      String clientId,
      String name,
      String homepage,
      List<String> redirectUris,
      List<String> scopes,
      String type,
      Instant createdAt) {
    static ClientView of(Client client) {
      return new ClientView(
          client.clientId(),
          client.name(),
          client.homepage(),
          client.redirectUris(),
          client.scopes(),
          client.type(),
          client.createdAt());
    }
  }

  record CreatedClient(ClientView client, String clientSecret) {}

  record GrantView(
      String id,
      String clientId,
      String clientName,
      String owner,
      String scope,
      List<String> servers,
      List<String> eventTypes,
      boolean maySendCommands,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static GrantView of(Grant grant) {
      return new GrantView(
          grant.id(),
          grant.clientId(),
          grant.clientName(),
          grant.owner(),
          grant.scope().wire(),
          grant.scope().servers(),
          grant.scope().eventTypes(),
          grant.scope().maySendCommands(),
          grant.createdAt(),
          grant.expiresAt(),
          grant.lastUsedAt(),
          grant.revokedAt());
    }
  }

  record NatsKey(String publicKey) {}

  record NatsCredentialsView(String jwt, String inboxPrefix, Instant expiresAt) {}

  void register(RoutesConfig routes) {
    routes.post(NATS_CREDENTIALS, this::natsCredentials);
    routes.post("/api/v1/oauth/signing-keys/rotate", this::rotateSigningKey);
    routes.post(CLIENTS, this::createClient);
    routes.get(CLIENTS, this::listClients);
    routes.get(CLIENTS + "/{client}", this::getClient);
    routes.delete(CLIENTS + "/{client}", this::deleteClient);
    routes.get(GRANTS, this::listGrants);
    routes.delete(GRANTS + "/{grant}", this::revokeGrant);
  }

  private void createClient(Context ctx) {
    Requests.caller(ctx).requireOperator(null);
    CreateClient body = Requests.body(ctx, CreateClient.class);
    RegisteredClient registered =
        oauth
            .clients()
            .register(
                new ClientSpec(
                    body.name(), body.homepage(), body.redirectUris(), body.scopes(), body.type()),
                Requests.actor(ctx));
    ctx.status(201)
        .header("Location", CLIENTS + "/" + registered.client().clientId())
        .header("Cache-Control", "no-store")
        .json(new CreatedClient(ClientView.of(registered.client()), registered.clientSecret()));
  }

  private void listClients(Context ctx) {
    Requests.caller(ctx).requireOperator(null);
    Page<Client> page = oauth.clients().list(Requests.page(ctx));
    ctx.json(new Page<>(page.items().stream().map(ClientView::of).toList(), page.nextCursor()));
  }

  private void getClient(Context ctx) {
    Requests.caller(ctx).requireOperator(null);
    ctx.json(ClientView.of(oauth.clients().get(ctx.pathParam("client"))));
  }

  private void deleteClient(Context ctx) {
    Requests.caller(ctx).requireOperator(null);
    oauth.clients().delete(ctx.pathParam("client"), Requests.actor(ctx));
    ctx.status(204);
  }

  private void listGrants(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    Page<Grant> page = oauth.grants().list(account, Requests.page(ctx));
    ctx.json(new Page<>(page.items().stream().map(GrantView::of).toList(), page.nextCursor()));
  }

  private void revokeGrant(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    oauth.grants().revoke(account, ctx.pathParam("grant"), Requests.actor(ctx));
    ctx.status(204);
  }

  /** An app with an OAuth access token gets a NATS user JWT for its own public key. */
  private void natsCredentials(Context ctx) {
    String token = ctx.header("Authorization").substring("Bearer ".length()).strip();
    if (!AccessTokens.looksLikeJwt(token)) {
      throw ApiException.forbidden("NATS credentials here are for OAuth access tokens only");
    }
    NatsKey body = Requests.body(ctx, NatsKey.class);
    NatsCredentials.Issued issued;
    try {
      issued = oauth.natsCredentials().issue(token, body.publicKey());
    } catch (OAuthError e) {
      throw ApiException.unauthorized(e.getMessage());
    }
    ctx.header("Cache-Control", "no-store")
        .json(new NatsCredentialsView(issued.jwt(), issued.inboxPrefix(), issued.expiresAt()));
  }

  /**
   * The operator rotates the access-token signing key now (e.g. after a suspected leak); the old
   * key keeps verifying the tokens it signed until they expire.
   */
  private void rotateSigningKey(Context ctx) {
    Requests.caller(ctx).requireOperator(null);
    String kid = oauth.rotateSigningKey(Requests.actor(ctx));
    ctx.json(java.util.Map.of("kid", kid));
  }
}
