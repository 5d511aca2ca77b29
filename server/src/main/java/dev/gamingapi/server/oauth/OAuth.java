package dev.gamingapi.server.oauth;

import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.tenancy.TenancyServices;
import java.time.Clock;

/**
 * The authorization server wired together: one entry point for the HTTP edge and the platform. Its
 * issuer URL is the platform's REST URL, known once the HTTP server listens ({@link #issuer}).
 */
public final class OAuth {
  private final OAuthConfig config;
  private final Clients clients;
  private final Grants grants;
  private final Authorizations authorizations;
  private volatile String issuer;

  private OAuth(OAuthConfig config, Clients clients, Grants grants, Authorizations authorizations) {
    this.config = config;
    this.clients = clients;
    this.grants = grants;
    this.authorizations = authorizations;
  }

  /** Wires the authorization server over the platform's database and tenancy services. */
  public static OAuth create(
      Database database, TenancyServices tenancy, OAuthConfig config, Clock clock) {
    var jdbi = database.jdbi();
    Grants grants =
        new Grants(
            new GrantStore(jdbi), tenancy.users(), tenancy.accounts(), tenancy.audit(), clock);
    Clients clients = new Clients(new ClientStore(jdbi), grants, tenancy.audit(), clock);
    Authorizations authorizations =
        new Authorizations(
            clients,
            tenancy.users(),
            tenancy.servers(),
            new CodeStore(jdbi),
            new ConsentStore(jdbi),
            config,
            clock);
    return new OAuth(config, clients, grants, authorizations);
  }

  /** The authorization endpoint's steps. */
  public Authorizations authorizations() {
    return authorizations;
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
    this.issuer = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The issuer URL. */
  public String issuer() {
    String current = issuer;
    if (current == null) {
      throw new IllegalStateException("the OAuth issuer is set once the HTTP server listens");
    }
    return current;
  }
}
