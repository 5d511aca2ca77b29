package dev.gamingapi.server.oauth;

import dev.gamingapi.server.access.User;
import dev.gamingapi.server.access.UserKind;
import dev.gamingapi.server.access.Users;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.common.ConflictException;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.RecentValues;
import dev.gamingapi.server.common.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grants of each account: what owners gave apps. Revoking one ends it everywhere: its tokens
 * are refused from the next request on this instance and within a second on the others (every use
 * looks the grant up, in what was read in the last second), and the NATS user keys issued for it
 * are revoked in the account JWT, which drops the app's connections.
 */
public final class Grants {
  private final GrantStore store;
  private final Users users;
  private final Accounts accounts;
  private final AuditLog audit;
  private final Clock clock;

  // A REST request with an access token reads its grant (docs/api.md, Authentication): a change
  // through this instance is seen at once, through another within a second.
  private final RecentValues<String, Optional<Grant>> recentlyActive =
      new RecentValues<>(Duration.ofSeconds(1), 10_000);
  // When this instance last wrote a grant's last use: a grant kept in recentlyActive does not show
  // the write, and would be written on every request without this.
  private final ConcurrentHashMap<String, Instant> touched = new ConcurrentHashMap<>();

  Grants(GrantStore store, Users users, Accounts accounts, AuditLog audit, Clock clock) {
    this.clock = clock;
    this.store = store;
    this.users = users;
    this.accounts = accounts;
    this.audit = audit;
    // A revoked owner's grants end with it, a deleted account's go with it.
    users.onRevoked(recentlyActive::forgetAll);
    accounts.onChange((account, change) -> recentlyActive.forgetAll());
  }

  /** A page of the account's grants, oldest first, revoked and expired ones included. */
  public Page<Grant> list(String account, PageRequest request) {
    accounts.get(account);
    return store.page(account, request);
  }

  /** Grant {@code id} of {@code account}. */
  public Grant get(String account, String id) {
    accounts.get(account);
    return store
        .find(id)
        .filter(grant -> grant.account().equals(account))
        .orElseThrow(() -> new NotFoundException("grant", id));
  }

  /**
   * The owner revokes grant {@code id}.
   *
   * @throws ConflictException when it is revoked already
   */
  public void revoke(String account, String id, Actor actor) {
    Grant grant = get(account, id);
    if (!end(grant, actor, "revoked by an owner")) {
      throw new ConflictException("grant '" + id + "' is revoked already");
    }
  }

  /** Revokes every grant of client {@code clientId} (the client is being deleted). */
  int revokeAllOf(String clientId, Actor actor) {
    int revoked = 0;
    for (Grant grant : store.unrevokedOf(clientId)) {
      if (end(grant, actor, "client deleted")) {
        revoked++;
      }
    }
    return revoked;
  }

  /** The client revokes its own grant (RFC 7009); nothing when it is revoked already. */
  void revokeByClient(Grant grant, Actor actor) {
    end(grant, actor, "revoked by the app");
  }

  /** Grant {@code id}, whatever its state. */
  Optional<Grant> find(String id) {
    return store.find(id);
  }

  /** Revokes grant {@code id} on the platform's own motion (a replayed code or refresh token). */
  void revokeForAbuse(String id, String reason) {
    store.find(id).ifPresent(grant -> end(grant, Actor.PLATFORM, reason));
  }

  private boolean end(Grant grant, Actor actor, String reason) {
    Instant now = Times.now(clock);
    if (!store.jdbi().inTransaction(handle -> GrantStore.markRevoked(handle, grant.id(), now))) {
      return false;
    }
    recentlyActive.forgetAll();
    // Marked first: NATS credentials issued from now on see the revocation (NatsCredentials).
    users.revokeKeys(grant.account(), store.natsKeys(grant.id()));
    audit.record(
        actor,
        "oauth.grant.revoked",
        grant.account(),
        grant.id(),
        Map.of("client_id", grant.clientId(), "reason", reason));
    return true;
  }

  /**
   * Grant {@code id} if its tokens work now: not revoked, not expired, and its owner still an
   * active user (a revoked owner's grants end with it).
   */
  Optional<Grant> active(String id) {
    // One query for the grant and its owner's state.
    return store.findIfActive(id, Times.now(clock));
  }

  /**
   * {@link #active} as read at most a second ago, for every REST request with an access token: a
   * grant revoked, or whose owner was revoked, through this instance is refused at once, through
   * another within a second; an expired one at once (its owner's expiry within a second).
   */
  Optional<Grant> activeRecently(String id) {
    Instant now = Times.now(clock);
    return recentlyActive.get(id, this::active).filter(grant -> grant.isActive(now));
  }

  /** Notes that a token of the grant was used; at most one write a minute per grant. */
  void touch(Grant grant) {
    Instant now = Times.now(clock);
    Instant last = touched.get(grant.id());
    if (last == null || (grant.lastUsedAt() != null && grant.lastUsedAt().isAfter(last))) {
      last = grant.lastUsedAt();
    }
    if (last == null || last.isBefore(now.minusSeconds(60))) {
      if (touched.size() >= 10_000) {
        touched.clear(); // forgetting costs one early write per grant, never a missed one
      }
      touched.put(grant.id(), now);
      store.touch(grant.id(), now);
    }
  }

  /** Audits a grant just given (its row is written with its first tokens). */
  void created(Grant grant) {
    audit.record(
        new Actor("user:" + grant.owner(), null),
        "oauth.grant.created",
        grant.account(),
        grant.id(),
        Map.of("client_id", grant.clientId(), "scope", grant.scope().wire()));
  }

  /**
   * The REST caller a token of a grant is: an {@code app} user of its account with {@code scope}.
   */
  static Users.Principal principal(Grant grant, GrantScope scope) {
    User user =
        new User(
            grant.id(),
            UserKind.APP,
            null,
            scope.servers(),
            scope.eventTypes(),
            scope.maySendCommands(),
            null,
            grant.createdAt(),
            grant.expiresAt(),
            null);
    return new Users.Principal(grant.account(), user);
  }

  GrantStore store() {
    return store;
  }
}
