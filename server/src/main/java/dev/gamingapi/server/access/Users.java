package dev.gamingapi.server.access;

import dev.gamingapi.server.accounts.AccountJwts;
import dev.gamingapi.server.accounts.AccountStore;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.common.ConflictException;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Names;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.RecentValues;
import dev.gamingapi.server.common.Times;
import dev.gamingapi.server.jwt.CredsIssuer;
import dev.gamingapi.server.jwt.UserCreds;
import dev.gamingapi.server.servers.Servers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Users of a tenant and their credentials. Each user has one NATS credential (a fresh user key each
 * time one is issued) and one API token of the same scope; both are shown once. Revoking puts the
 * user key in the account JWT's revocations and pushes it: the broker drops the user's live
 * connections, and the token is refused from the next request.
 */
public final class Users {
  private final Clock clock;
  private final UserStore store;
  private final AccountStore accountStore;
  private final Accounts accounts;
  private final Servers servers;
  private final AccountJwts jwts;
  private final AuditLog audit;
  // Every request's token is looked up: a change through this instance is seen at once, through
  // another within a second (docs/api.md, Authentication).
  private final RecentValues<String, Optional<UserStore.TokenOwner>> owners =
      new RecentValues<>(Duration.ofSeconds(1), 10_000);
  private final List<Runnable> revocationListeners = new CopyOnWriteArrayList<>();

  public Users(
      UserStore store,
      AccountStore accountStore,
      Accounts accounts,
      Servers servers,
      AccountJwts jwts,
      AuditLog audit,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.accountStore = accountStore;
    this.accounts = accounts;
    this.servers = servers;
    this.jwts = jwts;
    this.audit = audit;
    // A deleted account's users go with it (foreign key): their tokens must stop at once too.
    accounts.onChange((account, change) -> owners.forgetAll());
  }

  /**
   * Creates a user and issues its credentials.
   *
   * @throws InvalidRequestException for a bad name, kind, server, scope or expiry
   * @throws ConflictException when the name is taken in the account
   */
  public IssuedCredentials create(String account, UserSpec spec, Actor actor) {
    accounts.get(account);
    Names.name("name", spec.name());
    UserKind kind = UserKind.fromWire(spec.kind());
    Scope scope = scope(account, kind, spec);
    Instant now = Times.now(clock);
    if (spec.expiresAt() != null && !spec.expiresAt().isAfter(now)) {
      throw new InvalidRequestException("expires_at", "must be in the future");
    }
    if (store.find(account, spec.name()).isPresent()) {
      throw new ConflictException("user '" + spec.name() + "' exists already in " + account);
    }
    UserCreds creds = issue(account, spec.name(), kind, scope, spec.expiresAt(), now);
    String token = Tokens.generate();
    User user =
        new User(
            spec.name(),
            kind,
            scope.server(),
            scope.servers(),
            scope.eventTypes(),
            Boolean.TRUE.equals(spec.maySendCommands()),
            creds.publicKey(),
            now,
            spec.expiresAt(),
            null);
    store.insert(account, user, Tokens.hash(token));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("kind", kind.wireName());
    if (scope.server() != null) {
      detail.put("server", scope.server());
    }
    if (!scope.servers().isEmpty()) {
      detail.put("servers", scope.servers());
    }
    if (!scope.eventTypes().isEmpty()) {
      detail.put("event_types", scope.eventTypes());
    }
    if (user.kind() == UserKind.APP && user.maySendCommands()) { // a granted right, not a kind's
      detail.put("may_send_commands", true);
    }
    audit.record(actor, "user.created", account, spec.name(), detail);
    return new IssuedCredentials(user, creds.text(), token);
  }

  /** User {@code name} of {@code account}. */
  public User get(String account, String name) {
    accounts.get(account);
    return store.find(account, name).orElseThrow(() -> new NotFoundException("user", name));
  }

  /** A page of the account's users, revoked ones included. */
  public Page<User> list(String account, PageRequest request) {
    accounts.get(account);
    return store.page(account, request);
  }

  /** Revokes user {@code name}: its NATS connections drop and its token stops working. */
  public void revoke(String account, String name, Actor actor) {
    User user = get(account, name);
    if (user.revokedAt() != null) {
      throw new ConflictException("user '" + name + "' is revoked already");
    }
    Instant now = Times.now(clock);
    store
        .jdbi()
        .useTransaction(
            handle -> {
              UserStore.markRevoked(handle, account, name, now);
              AccountStore.addRevocation(
                  handle, account, user.natsPublicKey(), now.getEpochSecond());
            });
    owners.forgetAll();
    revocationListeners.forEach(Runnable::run);
    jwts.publish(account);
    audit.record(actor, "user.revoked", account, name, Map.of());
  }

  /**
   * Calls {@code listener} after each user revoked through this instance, on the thread that
   * revoked it: what keeps something a user's revocation ends (an OAuth grant of the user) forgets
   * it there. A listener must not throw.
   */
  public void onRevoked(Runnable listener) {
    revocationListeners.add(listener);
  }

  /** New credentials and token for user {@code name}; the old ones are revoked. */
  public IssuedCredentials rotate(String account, String name, Actor actor) {
    User user = get(account, name);
    if (user.revokedAt() != null) {
      throw new ConflictException("user '" + name + "' is revoked; create a new user instead");
    }
    Instant now = Times.now(clock);
    Scope scope = new Scope(user.server(), user.servers(), user.eventTypes());
    UserCreds creds = issue(account, name, user.kind(), scope, user.expiresAt(), now);
    String token = Tokens.generate();
    store
        .jdbi()
        .useTransaction(
            handle -> {
              UserStore.replaceCredentials(
                  handle, account, name, creds.publicKey(), Tokens.hash(token));
              AccountStore.addRevocation(
                  handle, account, user.natsPublicKey(), now.getEpochSecond());
            });
    owners.forgetAll();
    jwts.publish(account);
    audit.record(actor, "user.rotated", account, name, Map.of());
    User rotated = get(account, name);
    return new IssuedCredentials(rotated, creds.text(), token);
  }

  /**
   * Revokes NATS user keys that belong to no user of the account (the credentials issued for OAuth
   * grants) and pushes the account JWT: the broker drops their connections at once.
   */
  public void revokeKeys(String account, Collection<String> natsPublicKeys) {
    if (natsPublicKeys.isEmpty()) {
      return;
    }
    long now = Times.now(clock).getEpochSecond();
    store
        .jdbi()
        .useTransaction(
            handle ->
                natsPublicKeys.forEach(
                    key -> AccountStore.revokeForGood(handle, account, key, now)));
    jwts.publish(account);
  }

  /**
   * Suspends the user whose NATS credential is {@code natsPublicKey}: its key is revoked in the
   * account JWT until {@code length} has passed, so the broker drops all its connections and
   * refuses new ones meanwhile; then {@link #liftSuspensions} lets it back in with the same
   * credentials. Keys that belong to no user (the platform's own) are never suspended.
   *
   * @return whether a user was suspended (false: unknown key, or revoked or suspended already)
   */
  boolean suspend(String account, String natsPublicKey, Duration length, String reason) {
    Optional<User> user = store.findByKey(account, natsPublicKey);
    if (user.isEmpty() || user.get().revokedAt() != null) {
      return false;
    }
    Instant now = Times.now(clock);
    Instant until = now.plus(length);
    if (!accountStore.addSuspension(
        account, natsPublicKey, now.getEpochSecond(), until.toEpochMilli())) {
      return false;
    }
    jwts.publish(account);
    audit.record(
        Actor.PLATFORM,
        "user.suspended",
        account,
        user.get().name(),
        Map.of("until", until.toString(), "reason", reason));
    return true;
  }

  /** Ends the suspensions whose time is up and pushes the accounts concerned. */
  void liftSuspensions() {
    for (String account : accountStore.liftSuspensions(Times.now(clock).toEpochMilli())) {
      jwts.publish(account);
    }
  }

  /** The active user whose API token is {@code token}, with its account. */
  public Optional<Principal> authenticate(String token) {
    return authenticateHash(Tokens.hash(token));
  }

  /**
   * The active user whose API token's {@link Tokens#hash} is {@code tokenHash}, with its account.
   */
  public Optional<Principal> authenticateHash(String tokenHash) {
    Instant now = Times.now(clock);
    return owners
        .get(tokenHash, store::byToken)
        .filter(owner -> owner.user().isActive(now))
        .map(owner -> new Principal(owner.account(), owner.user()));
  }

  /**
   * A NATS user JWT of {@code account} with the read scope of an app ({@code servers}, {@code
   * eventTypes}; empty: all), for the key {@code userPublicKey} that the caller holds, expiring at
   * {@code expiresAt}. The JWT's name {@code name} also names its inbox prefix.
   */
  public String appJwtFor(
      String account,
      String name,
      List<String> servers,
      List<String> eventTypes,
      String userPublicKey,
      Instant expiresAt) {
    Duration lifetime = Duration.between(Times.now(clock), expiresAt);
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("the credentials would be expired already");
    }
    // NATS JWT expiry is in whole seconds: round down, never past expiresAt.
    lifetime = Duration.ofSeconds(Math.max(1, lifetime.toSeconds()));
    return accounts
        .issuer(account)
        .appJwt(name, new Scope(null, servers, eventTypes).subjects(), lifetime, userPublicKey);
  }

  /**
   * A user authenticated by its token.
   *
   * @param account its account
   * @param user the user
   */
  public record Principal(String account, User user) {}

  private UserCreds issue(
      String account, String name, UserKind kind, Scope scope, Instant expiresAt, Instant now) {
    CredsIssuer issuer = accounts.issuer(account);
    Duration lifetime = expiresAt == null ? null : Duration.between(now, expiresAt);
    return switch (kind) {
      case OWNER -> issuer.owner(name, lifetime);
      case GAME_SERVER -> issuer.gameServer(scope.server(), lifetime);
      case APP -> issuer.app(name, scope.subjects(), lifetime);
    };
  }

  private Scope scope(String account, UserKind kind, UserSpec spec) {
    if (kind != UserKind.GAME_SERVER && spec.server() != null) {
      throw new InvalidRequestException("server", "is only for game_server users");
    }
    if (kind != UserKind.APP && !(spec.servers().isEmpty() && spec.eventTypes().isEmpty())) {
      throw new InvalidRequestException(
          spec.servers().isEmpty() ? "event_types" : "servers", "is only for app users");
    }
    if (kind != UserKind.APP && spec.maySendCommands() != null) {
      // Owners send anyway and game servers never do: a flag there would only mislead.
      throw new InvalidRequestException("may_send_commands", "is only for app users");
    }
    return switch (kind) {
      case OWNER -> new Scope(null, List.of(), List.of());
      case GAME_SERVER -> {
        if (spec.server() == null) {
          throw new InvalidRequestException("server", "is required for a game_server user");
        }
        Names.serverId("server", spec.server());
        requireRegistered(account, "server", spec.server());
        yield new Scope(spec.server(), List.of(), List.of());
      }
      case APP -> {
        for (String server : spec.servers()) {
          Names.serverId("servers", server);
          requireRegistered(account, "servers", server);
        }
        spec.eventTypes().forEach(Scope::checkEventType);
        yield new Scope(null, spec.servers(), spec.eventTypes());
      }
    };
  }

  private void requireRegistered(String account, String field, String server) {
    if (servers.find(account, server).isEmpty()) {
      throw new InvalidRequestException(
          field, "'" + server + "' is not a registered server of " + account);
    }
  }
}
