package dev.gamingapi.server.access;

import dev.gamingapi.server.accounts.AccountJwts;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.accounts.Share;
import dev.gamingapi.server.accounts.ShareStore;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.common.ConflictException;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Names;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.Times;
import dev.gamingapi.server.servers.Servers;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Read access granted by one tenant to another for the events of some of its servers, carried by a
 * stream export in the granting account's JWT and an import (with an activation token) in the
 * grantee's. The grantee's users see those events under {@code shared.<account>.v1.servers...}.
 */
public final class Shares {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final ShareStore store;
  private final Accounts accounts;
  private final Servers servers;
  private final AccountJwts jwts;
  private final AuditLog audit;

  public Shares(
      ShareStore store,
      Accounts accounts,
      Servers servers,
      AccountJwts jwts,
      AuditLog audit,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.accounts = accounts;
    this.servers = servers;
    this.jwts = jwts;
    this.audit = audit;
  }

  /**
   * Grants {@code grantee} the events of {@code serverIds} of {@code account}.
   *
   * @throws InvalidRequestException for an unknown or same grantee, or no or unknown servers
   */
  public Share create(String account, String grantee, List<String> serverIds, Actor actor) {
    accounts.get(account);
    Names.name("grantee", grantee);
    if (grantee.equals(account)) {
      throw new InvalidRequestException("grantee", "must be another account than " + account);
    }
    try {
      accounts.get(grantee);
    } catch (NotFoundException e) {
      throw new InvalidRequestException("grantee", "'" + grantee + "' is not an account");
    }
    if (serverIds == null || serverIds.isEmpty()) {
      throw new InvalidRequestException("servers", "must name at least one server");
    }
    if (store.grantedBy(account).stream().anyMatch(share -> share.grantee().equals(grantee))) {
      throw new ConflictException(
          account + " shares with " + grantee + " already; delete that share to change it");
    }
    List<String> distinct = List.copyOf(new LinkedHashSet<>(serverIds));
    for (String server : distinct) {
      Names.serverId("servers", server);
      if (servers.find(account, server).isEmpty()) {
        throw new InvalidRequestException(
            "servers", "'" + server + "' is not a registered server of " + account);
      }
    }
    Share share = new Share(newId(), account, grantee, distinct, Times.now(clock));
    store.insert(share);
    // Export first, then import: the import of a subject the exporter does not export yet would
    // be refused by the broker.
    jwts.publish(account);
    jwts.publish(grantee);
    audit.record(
        actor,
        "share.created",
        account,
        share.id(),
        Map.of("grantee", grantee, "servers", distinct));
    return share;
  }

  /** The shares {@code account} granted. */
  public Page<Share> list(String account, PageRequest request) {
    accounts.get(account);
    return store.page(account, request);
  }

  /**
   * The share by which {@code account} lets {@code grantee} read some of its servers' events: asked
   * on every read of shared events, so that a deleted share stops them at once.
   *
   * @throws NotFoundException when {@code account} grants {@code grantee} nothing (any more)
   */
  public Share between(String account, String grantee) {
    return store.grantedTo(grantee).stream()
        .filter(share -> share.account().equals(account))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("share of " + account + " with", grantee));
  }

  /** Removes share {@code id} of {@code account}; the grantee stops seeing the events at once. */
  public void delete(String account, String id, Actor actor) {
    accounts.get(account);
    Share share = store.find(account, id).orElseThrow(() -> new NotFoundException("share", id));
    store.delete(id);
    jwts.publish(share.grantee());
    jwts.publish(account);
    audit.record(actor, "share.deleted", account, id, Map.of("grantee", share.grantee()));
  }

  private static String newId() {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return "shr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
