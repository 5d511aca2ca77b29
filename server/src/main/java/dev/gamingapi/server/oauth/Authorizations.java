package dev.gamingapi.server.oauth;

import dev.gamingapi.server.access.User;
import dev.gamingapi.server.access.UserKind;
import dev.gamingapi.server.access.Users;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.Times;
import dev.gamingapi.server.servers.GameServer;
import dev.gamingapi.server.servers.Servers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authorization endpoint's steps: check the request, let an owner sign in with its API token,
 * and turn the owner's decision into a single-use code bound to the client, the redirect URI and
 * the PKCE challenge.
 */
public final class Authorizations {
  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final Clients clients;
  private final Users users;
  private final Servers servers;
  private final CodeStore codes;
  private final ConsentStore consents;
  private final OAuthConfig config;
  private final Clock clock;

  Authorizations(
      Clients clients,
      Users users,
      Servers servers,
      CodeStore codes,
      ConsentStore consents,
      OAuthConfig config,
      Clock clock) {
    this.clock = clock;
    this.clients = clients;
    this.users = users;
    this.servers = servers;
    this.codes = codes;
    this.consents = consents;
    this.config = config;
  }

  /**
   * Checks a request: first the client and the redirect URI (an error there is {@link
   * OAuthError#redirectable() not redirectable}), then the rest.
   */
  public PendingAuthorization check(AuthorizationRequest request) {
    Client client = checkRedirect(request).client();
    if (!"code".equals(request.responseType())) {
      throw OAuthError.unsupportedResponseType("response_type must be code");
    }
    if (!"S256".equals(request.codeChallengeMethod())) {
      throw OAuthError.invalidRequest("code_challenge_method must be S256 (PKCE is required)");
    }
    if (request.codeChallenge() == null || !CHALLENGE.matcher(request.codeChallenge()).matches()) {
      throw OAuthError.invalidRequest("code_challenge must be 43 base64url characters");
    }
    GrantScope requested = GrantScope.parse(request.scope());
    if (!client.scopes().containsAll(requested.capabilities())) {
      throw OAuthError.invalidScope("this app may ask for " + String.join(" ", client.scopes()));
    }
    return new PendingAuthorization(request, client, requested);
  }

  /**
   * Checks only the client and the redirect URI: whether an error may be sent there. The answer's
   * {@code requested} scope is null.
   *
   * @throws OAuthError not {@link OAuthError#redirectable() redirectable}
   */
  public PendingAuthorization checkRedirect(AuthorizationRequest request) {
    Client client =
        clients
            .find(request.clientId())
            .orElseThrow(() -> OAuthError.noRedirect("unknown client_id"));
    if (!client.redirectsTo(request.redirectUri())) {
      throw OAuthError.noRedirect("redirect_uri is missing or not registered for this client");
    }
    return new PendingAuthorization(request, client, null);
  }

  /**
   * An owner signs in with its API token.
   *
   * @return empty when the token is not an active owner's
   * @throws OAuthError invalid_scope when the request names servers the account does not have
   */
  public Optional<Consent> signIn(PendingAuthorization pending, String apiToken) {
    Optional<Users.Principal> principal =
        apiToken == null ? Optional.empty() : users.authenticate(apiToken.strip());
    if (principal.isEmpty() || principal.get().user().kind() != UserKind.OWNER) {
      return Optional.empty();
    }
    String account = principal.get().account();
    User owner = principal.get().user();
    List<String> registered = registeredServers(account);
    if (!registered.containsAll(pending.requested().servers())) {
      throw OAuthError.invalidScope("the scope names servers that " + account + " does not have");
    }
    Instant now = Times.now(clock);
    List<Duration> lifetimes =
        config.grantLifetimes().stream()
            .filter(life -> owner.expiresAt() == null || !now.plus(life).isAfter(owner.expiresAt()))
            .toList();
    String session = Secrets.secret("");
    String csrf = Secrets.secret("");
    consents.prune(now);
    consents.insert(
        Secrets.hash(session),
        new ConsentStore.Session(csrf, account, owner.name(), now.plus(config.consentLifetime())));
    return Optional.of(new Consent(pending, account, owner, registered, lifetimes, session, csrf));
  }

  private List<String> registeredServers(String account) {
    return servers.list(account, new PageRequest(200, null)).items().stream()
        .map(GameServer::id)
        .toList();
  }

  /**
   * The owner approves {@code granted} (at most what was requested) for {@code lifetime}.
   *
   * @return the code to send to the redirect URI
   * @throws OAuthError (not redirectable) when the session or the CSRF token is not right;
   *     access_denied when the owner is no longer active or the lifetime is not offered;
   *     invalid_scope when {@code granted} is wider than the request
   */
  public String approve(
      PendingAuthorization pending,
      String session,
      String csrf,
      GrantScope granted,
      Duration lifetime) {
    ConsentStore.Session signedIn = takeSession(session, csrf);
    if (!granted.within(pending.requested())) {
      throw OAuthError.invalidScope("the owner cannot give more than the app asked for");
    }
    Instant now = Times.now(clock);
    User owner = users.get(signedIn.account(), signedIn.owner());
    boolean allowed =
        config.grantLifetimes().contains(lifetime)
            && (owner.expiresAt() == null || !now.plus(lifetime).isAfter(owner.expiresAt()));
    if (!owner.isActive(now) || !allowed) {
      throw OAuthError.accessDenied("the owner may not give this grant");
    }
    String code = Secrets.secret("");
    codes.prune(now.minus(Duration.ofDays(1)));
    codes.insert(
        Secrets.hash(code),
        new CodeStore.Code(
            pending.client().clientId(),
            pending.request().redirectUri(),
            pending.request().codeChallenge(),
            signedIn.account(),
            signedIn.owner(),
            granted,
            lifetime,
            now.plus(config.codeLifetime()),
            null));
    return code;
  }

  /** The owner refuses; the session ends. */
  public void deny(String session, String csrf) {
    takeSession(session, csrf);
  }

  private ConsentStore.Session takeSession(String session, String csrf) {
    ConsentStore.Session signedIn =
        session == null ? null : consents.take(Secrets.hash(session)).orElse(null);
    if (signedIn == null
        || !Secrets.same(signedIn.csrf(), csrf)
        || !Times.now(clock).isBefore(signedIn.expiresAt())) {
      throw OAuthError.noRedirect("the consent page expired or was not sent from this browser");
    }
    return signedIn;
  }
}
