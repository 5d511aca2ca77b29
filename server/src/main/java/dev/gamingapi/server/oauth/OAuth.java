package dev.gamingapi.server.oauth;

import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.tenancy.TenancyServices;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The authorization server wired together: one entry point for the HTTP edge and the platform. Its
 * issuer URL is the platform's REST URL, known once the HTTP server listens ({@link #issuer}).
 */
public final class OAuth {
  private final OAuthConfig config;
  private final Clients clients;
  private final Grants grants;
  private final Authorizations authorizations;
  private final SigningKeys signingKeys;
  private final AccessTokens accessTokens;
  private final TokenExchange tokens;
  private final TokenInspection inspection;
  private final NatsCredentials natsCredentials;
  private final AtomicReference<String> issuer;
  private final AuditLog audit;

  private OAuth(
      OAuthConfig config,
      Clients clients,
      Grants grants,
      Authorizations authorizations,
      SigningKeys signingKeys,
      AccessTokens accessTokens,
      TokenExchange tokens,
      TokenInspection inspection,
      NatsCredentials natsCredentials,
      AtomicReference<String> issuer,
      AuditLog audit) {
    this.audit = audit;
    this.natsCredentials = natsCredentials;
    this.inspection = inspection;
    this.config = config;
    this.clients = clients;
    this.grants = grants;
    this.authorizations = authorizations;
    this.signingKeys = signingKeys;
    this.accessTokens = accessTokens;
    this.tokens = tokens;
    this.issuer = issuer;
  }

  /** Wires the authorization server over the platform's database, keys and tenancy services. */
  public static OAuth create(
      Database database, TenancyServices tenancy, KeyVault vault, OAuthConfig config, Clock clock) {
    var jdbi = database.jdbi();
    Grants grants =
        new Grants(
            new GrantStore(jdbi), tenancy.users(), tenancy.accounts(), tenancy.audit(), clock);
    Clients clients = new Clients(new ClientStore(jdbi), grants, tenancy.audit(), clock);
    CodeStore codes = new CodeStore(jdbi);
    Authorizations authorizations =
        new Authorizations(
            clients,
            tenancy.users(),
            tenancy.servers(),
            codes,
            new ConsentStore(jdbi),
            config,
            clock);
    AtomicReference<String> issuer = new AtomicReference<>();
    SigningKeys signingKeys = new SigningKeys(jdbi, vault, config, clock);
    AccessTokens accessTokens =
        new AccessTokens(signingKeys, grants, config, clock, () -> issuerOf(issuer));
    RefreshStore refreshes = new RefreshStore(jdbi);
    TokenExchange tokens =
        new TokenExchange(jdbi, codes, refreshes, grants, accessTokens, config, clock);
    return new OAuth(
        config,
        clients,
        grants,
        authorizations,
        signingKeys,
        accessTokens,
        tokens,
        new TokenInspection(accessTokens, refreshes, grants),
        new NatsCredentials(accessTokens, grants, tenancy.users(), clock),
        issuer,
        tenancy.audit());
  }

  /** The authorization endpoint's steps. */
  public Authorizations authorizations() {
    return authorizations;
  }

  /** The token endpoint's grants. */
  public TokenExchange tokens() {
    return tokens;
  }

  /** NATS credentials for authorized apps. */
  public NatsCredentials natsCredentials() {
    return natsCredentials;
  }

  /** Revocation and introspection. */
  public TokenInspection inspection() {
    return inspection;
  }

  /** Access tokens, as the REST API checks them. */
  public AccessTokens accessTokens() {
    return accessTokens;
  }

  /** The keys that sign access tokens, and the JWKS. */
  public SigningKeys signingKeys() {
    return signingKeys;
  }

  /** Rotates the signing key now and audits it; answers the new key's id. */
  public String rotateSigningKey(Actor actor) {
    String kid = signingKeys.rotate().getKeyID();
    audit.record(actor, "oauth.signing_key.rotated", null, kid, Map.of());
    return kid;
  }

  /** The registered apps. */
  public Clients clients() {
    return clients;
  }

  /** What owners gave apps. */
  public Grants grants() {
    return grants;
  }

  /** The lifetimes in force. */
  public OAuthConfig config() {
    return config;
  }

  /** Sets the issuer URL ({@code iss}): the platform's base URL, without a trailing slash. */
  public void issuer(String url) {
    issuer.set(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  /** The issuer URL. */
  public String issuer() {
    return issuerOf(issuer);
  }

  private static String issuerOf(AtomicReference<String> issuer) {
    String current = issuer.get();
    if (current == null) {
      throw new IllegalStateException("the OAuth issuer is set once the HTTP server listens");
    }
    return current;
  }
}
