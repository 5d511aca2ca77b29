package dev.gamingapi.server.oauth;

import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Names;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.Times;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The third-party applications the operator registered. A confidential client's secret is shown
 * once and stored hashed; deleting a client revokes every grant it holds.
 */
public final class Clients {
  private static final int MAX_REDIRECT_URIS = 10;
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  private final ClientStore store;
  private final Grants grants;
  private final AuditLog audit;
  private final Clock clock;

  Clients(ClientStore store, Grants grants, AuditLog audit, Clock clock) {
    this.clock = clock;
    this.store = store;
    this.grants = grants;
    this.audit = audit;
  }

  /**
   * Registers a client.
   *
   * @throws InvalidRequestException naming the field at fault
   */
  public RegisteredClient register(ClientSpec spec, Actor actor) {
    if (spec.name() == null || spec.name().isBlank()) {
      throw new InvalidRequestException("name", "is required");
    }
    Names.text("name", spec.name(), 256);
    if (spec.homepage() == null || !Client.isAbsoluteHttp(spec.homepage())) {
      throw new InvalidRequestException("homepage", "must be an absolute http(s) URL");
    }
    checkRedirectUris(spec.redirectUris());
    List<String> scopes = spec.scopes().isEmpty() ? List.of(GrantScope.READ) : spec.scopes();
    for (String scope : scopes) {
      if (!scope.equals(GrantScope.READ) && !scope.equals(GrantScope.COMMANDS)) {
        throw new InvalidRequestException(
            "scopes",
            "'" + scope + "' is not one of " + GrantScope.READ + ", " + GrantScope.COMMANDS);
      }
    }
    if (!scopes.contains(GrantScope.READ)) {
      throw new InvalidRequestException("scopes", "must include " + GrantScope.READ);
    }
    boolean confidential =
        switch (spec.type() == null ? "" : spec.type()) {
          case "confidential" -> true;
          case "public" -> false;
          default -> throw new InvalidRequestException("type", "must be public or confidential");
        };
    Client client =
        new Client(
            Secrets.id("cli_"),
            spec.name(),
            spec.homepage(),
            spec.redirectUris(),
            List.copyOf(new java.util.LinkedHashSet<>(scopes)),
            confidential,
            Times.now(clock));
    String secret = confidential ? Secrets.secret("gapics_") : null;
    store.insert(client, secret == null ? null : Secrets.hash(secret));
    audit.record(
        actor,
        "oauth.client.created",
        null,
        client.clientId(),
        Map.of("name", client.name(), "type", client.type(), "scopes", client.scopes()));
    return new RegisteredClient(client, secret);
  }

  // Exact strings, https except on loopback (native apps, RFC 8252), no fragment (RFC 6749 3.1.2).
  private static void checkRedirectUris(List<String> uris) {
    if (uris.isEmpty() || uris.size() > MAX_REDIRECT_URIS) {
      throw new InvalidRequestException(
          "redirect_uris", "must list 1 to " + MAX_REDIRECT_URIS + " URIs");
    }
    for (String uri : uris) {
      if (uri == null || uri.length() > 2048 || !Client.isAbsoluteHttp(uri)) {
        throw new InvalidRequestException(
            "redirect_uris", "'" + uri + "' must be an absolute http(s) URI without fragment");
      }
      URI parsed = URI.create(uri);
      if (parsed.getScheme().equals("http") && !LOOPBACK.contains(parsed.getHost())) {
        throw new InvalidRequestException(
            "redirect_uris", "'" + uri + "' must be https (http only on a loopback address)");
      }
    }
  }

  /** Client {@code clientId}. */
  public Client get(String clientId) {
    return store.find(clientId).orElseThrow(() -> new NotFoundException("client", clientId));
  }

  /** A page of the clients, oldest first. */
  public Page<Client> list(PageRequest request) {
    return store.page(request);
  }

  /** Deletes client {@code clientId} and revokes every grant it holds. */
  public void delete(String clientId, Actor actor) {
    Client client = get(clientId);
    int revoked = grants.revokeAllOf(clientId, actor);
    store.delete(clientId);
    audit.record(
        actor,
        "oauth.client.deleted",
        null,
        clientId,
        Map.of("name", client.name(), "grants_revoked", revoked));
  }

  /**
   * The client that authenticates with {@code clientId} and {@code secret} (null for a public
   * client), as the token, introspection and revocation endpoints require.
   *
   * @throws OAuthError invalid_client for an unknown client, a wrong or missing secret, or a secret
   *     sent by a public client
   */
  public Client authenticate(String clientId, String secret) {
    if (clientId == null || clientId.isEmpty()) {
      throw OAuthError.invalidClient("client_id is required");
    }
    Client client =
        store
            .find(clientId)
            .orElseThrow(() -> OAuthError.invalidClient("unknown client '" + clientId + "'"));
    if (!client.confidential()) {
      if (secret != null) {
        throw OAuthError.invalidClient("a public client has no secret");
      }
      return client;
    }
    String hash = store.secretHash(clientId).orElse(null);
    if (secret == null || !Secrets.same(hash, Secrets.hash(secret))) {
      throw OAuthError.invalidClient("the client secret is missing or wrong");
    }
    return client;
  }

  /** Client {@code clientId}, if registered (the authorization endpoint's first check). */
  public java.util.Optional<Client> find(String clientId) {
    return clientId == null ? java.util.Optional.empty() : store.find(clientId);
  }
}
