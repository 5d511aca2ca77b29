package dev.gamingapi.server.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.jwt.AccountClaims;
import dev.gamingapi.server.jwt.InvalidJwtException;
import dev.gamingapi.server.jwt.JwtClaims;
import dev.gamingapi.server.jwt.Jwts;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes account JWTs to the broker's full resolver and reads them back, over a system-account
 * connection.
 *
 * <p>The resolver trusts whoever holds system credentials: it neither checks the signer nor refuses
 * older JWTs. This client does both before every push, and compares what the resolver stored with
 * what was sent.
 *
 * <p>In a cluster every node stores its own copy and confirms the push for itself, so a push waits
 * for one confirmation per node of the JetStream meta group (see {@link ClusterNodes}). A push that
 * a majority confirms succeeds, naming the nodes that stayed silent, and is kept for {@link
 * #repushUnconfirmed()}. The platform is the single writer of account JWTs: nothing newer competes
 * with its push, so pushing again later is always safe; failing instead would stop every account
 * change (revocations too) for as long as one node is down, and would report as failed a change
 * that the live nodes already apply. The push must be repeated, not left to the nodes: nats-server
 * 2.9.10 does not fetch missed JWTs when it starts again, only at the resolver's next sync ({@code
 * resolver.interval}), and serves the old JWT until then. A push that fewer than a majority confirm
 * fails, naming the silent nodes.
 */
public final class ResolverClient {
  private static final Logger LOG = LoggerFactory.getLogger(ResolverClient.class);

  private final Connection system;
  private final Set<String> trustedSigners;
  private final Duration timeout;
  // Per account, the newest pushed JWT that some node has not confirmed yet.
  private final Map<String, JwtClaims> unconfirmed = new ConcurrentHashMap<>();

  /**
   * Accounts this client saw the resolver store (a confirmed push, a list): a lookup of one of them
   * needs no list first. An account deleted by another instance stays here until the next list; a
   * lookup of it then waits for the timeout, as a lookup of an unknown account would.
   */
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  // How many times every account was listed: the one request whose cost grows with the tenants.
  private final AtomicLong lists = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();

  /**
   * A client over {@code system}, accepting only JWTs signed by one of {@code trustedSigners} (the
   * operator signing keys); {@code timeout} bounds each request, and the wait for every node to
   * confirm a push.
   */
  public ResolverClient(Connection system, Set<String> trustedSigners, Duration timeout) {
    this.system = system;
    this.trustedSigners = Set.copyOf(trustedSigners);
    this.timeout = timeout;
  }

  /**
   * Pushes {@code accountJwt}, waits until every broker node confirmed it or the timeout passed,
   * and verifies that the resolver stored it byte for byte.
   *
   * @return the nodes that confirmed, and those that did not in time (a minority, also logged)
   * @throws InvalidJwtException if it does not decode or its signature is wrong
   * @throws UntrustedJwtException if it is not signed by a trusted operator signing key
   * @throws StaleJwtException if the resolver holds a newer JWT of the account
   * @throws ResolverException if a node refuses it, fewer than a majority of the nodes confirm it
   *     in time (naming the silent ones), or the resolver stores something else
   */
  public PushResult push(String accountJwt) {
    JwtClaims claims = verify(accountJwt);
    String account = claims.subject();
    Optional<String> current = lookup(account);
    return send(claims, current);
  }

  /**
   * Pushes the first JWT of an account whose key has never been pushed: like {@link #push} without
   * asking the resolver for an older JWT first, since there is none. Creating an account so costs
   * the same with ten or ten thousand tenants (the check would list every account).
   */
  public PushResult pushFirst(String accountJwt) {
    return send(verify(accountJwt), Optional.empty());
  }

  private PushResult send(JwtClaims claims, Optional<String> current) {
    String account = claims.subject();
    if (current.isPresent() && !current.get().equals(claims.encoded())) {
      long storedIat = Jwts.decodeVerified(current.get()).issuedAt();
      if (storedIat > claims.issuedAt()) {
        throw new StaleJwtException(
            "refusing to push the JWT of account "
                + account
                + " issued at "
                + claims.issuedAt()
                + ": the resolver holds a newer one issued at "
                + storedIat);
      }
    }
    PushResult result =
        ClaimsUpdate.send(system, claims, ClusterNodes.ask(system, timeout), timeout);
    if (!result.majorityConfirmed()) {
      throw new ResolverException(
          describe(result)
              + ": fewer than a majority of the nodes store it, so the push failed (the nodes"
              + " that did store it keep it)");
    }
    if (result.complete()) {
      // Also forgets an older JWT of the account: pushed again, it would roll this one back.
      unconfirmed.computeIfPresent(
          account, (key, old) -> old.issuedAt() <= claims.issuedAt() ? null : old);
    } else {
      unconfirmed.merge(
          account, claims, (old, newer) -> newer.issuedAt() >= old.issuedAt() ? newer : old);
      LOG.warn("{}; kept to be pushed again until they confirm", describe(result));
    }
    // Confirmed, so the resolver holds the account: look it up without listing every account
    // first (a list costs tens of milliseconds with a thousand tenants).
    String stored = lookupHeld(account).orElse("");
    if (!stored.equals(claims.encoded())) {
      throw new ResolverException(
          "the resolver acknowledged the JWT of account " + account + " but stores another one");
    }
    held.add(account);
    LOG.info(
        "pushed the JWT of account {} ({}), confirmed by {} in {} ms",
        claims.name(),
        account,
        result.confirmed(),
        result.confirmationTime().toMillis());
    return result;
  }

  private String describe(PushResult result) {
    return String.format(
        "the JWT of account %s was confirmed by %d of the %d broker nodes %s;"
            + " no answer within %s from %s",
        result.account(),
        result.nodes().size() - result.missing().size(),
        result.nodes().size(),
        result.confirmed(),
        timeout,
        result.missing());
  }

  /**
   * Pushes again each JWT that some node did not confirm, for example because it was down; a JWT
   * that a newer push replaced meanwhile is dropped. Call it periodically: a node that comes back
   * serves the JWTs it had until one of these pushes reaches it.
   *
   * @return the accounts still waiting for some node
   */
  public Set<String> repushUnconfirmed() {
    for (JwtClaims claims : List.copyOf(unconfirmed.values())) {
      try {
        push(claims.encoded());
      } catch (StaleJwtException replaced) {
        unconfirmed.remove(claims.subject(), claims);
      } catch (ResolverException stillFailing) {
        // Kept for the next round; the other accounts are still tried now.
        LOG.warn(
            "pushing account {} again failed: {}", claims.subject(), stillFailing.getMessage());
      }
    }
    return Set.copyOf(unconfirmed.keySet());
  }

  /**
   * Pushes {@code accountJwt} only when the resolver's copy differs. It lists the resolver's
   * accounts only for an account this client has not seen stored ({@link #lookup}): at start every
   * tenant is checked this way, and one list each was seconds with thousands of tenants.
   *
   * @return whether a push was needed
   */
  public boolean reconcile(String accountJwt) {
    JwtClaims claims = verify(accountJwt);
    if (lookup(claims.subject()).filter(claims.encoded()::equals).isPresent()) {
      return false;
    }
    push(claims.encoded());
    return true;
  }

  /** The JWT of {@code accountPublicKey} that the resolver holds, if any. */
  public Optional<String> lookup(String accountPublicKey) {
    // The resolver does not answer a lookup of an account it lacks (the request would only time
    // out), so ask for the list of account ids first, unless this client saw the account stored.
    if (!held.contains(accountPublicKey) && !listAccounts().contains(accountPublicKey)) {
      return Optional.empty();
    }
    return lookupHeld(accountPublicKey);
  }

  /** The JWT of an account the resolver is known to hold (a lookup of another would time out). */
  private Optional<String> lookupHeld(String accountPublicKey) {
    Message reply = send("$SYS.REQ.ACCOUNT." + accountPublicKey + ".CLAIMS.LOOKUP", "");
    String body = new String(reply.getData(), StandardCharsets.UTF_8).strip();
    // A JWT starts with its base64url header; anything else (a JSON error) means "none".
    return body.startsWith("eyJ") ? Optional.of(body) : Optional.empty();
  }

  /**
   * Deletes an account from the resolver with {@code deletionJwt} (see {@link
   * AccountClaims#deletion}); its connections drop. Checks that the resolver no longer lists it.
   *
   * @throws ResolverException if the resolver refuses or still holds the account
   */
  public void delete(String accountPublicKey, String deletionJwt) {
    JsonNode reply = request("$SYS.REQ.CLAIMS.DELETE", deletionJwt);
    if (reply.has("error")) {
      throw new ResolverException(
          "the resolver refused to delete account " + accountPublicKey + ": " + reply);
    }
    held.remove(accountPublicKey);
    if (listAccounts().contains(accountPublicKey)) {
      throw new ResolverException(
          "the resolver acknowledged the deletion of account "
              + accountPublicKey
              + " but still holds it");
    }
    LOG.info("deleted account {} from the resolver", accountPublicKey);
  }

  /**
   * What each JetStream node can still reserve, as the nodes answer within the push timeout.
   *
   * @throws ResolverException if no node answers
   */
  public List<BrokerStorage> storage() {
    List<BrokerStorage> nodes = BrokerStorage.ask(system, jetStreamNodes().size(), timeout);
    if (nodes.isEmpty()) {
      throw new ResolverException("no broker node told its JetStream storage within " + timeout);
    }
    return nodes;
  }

  /**
   * The {@code server_name}s of the broker's JetStream nodes (the meta group, down nodes included):
   * how many replicas a stream can have.
   */
  public SortedSet<String> jetStreamNodes() {
    return ClusterNodes.ask(system, timeout);
  }

  /** The ids of the accounts the resolver holds. */
  public Set<String> listAccounts() {
    lists.incrementAndGet();
    JsonNode reply = request("$SYS.REQ.CLAIMS.LIST", "");
    Set<String> ids = new HashSet<>();
    reply.path("data").forEach(id -> ids.add(id.asText()));
    held.retainAll(ids);
    held.addAll(ids);
    return ids;
  }

  /**
   * How many times this client listed every account ({@code $SYS.REQ.CLAIMS.LIST}): at start and
   * when an account is deleted, never per creation or change.
   */
  public long listsSent() {
    return lists.get();
  }

  /**
   * How many requests this client sent to the resolver in all: a creation or change of one account
   * sends the same few whatever the number of accounts.
   */
  public long requestsSent() {
    return requests.get();
  }

  private JwtClaims verify(String accountJwt) {
    JwtClaims claims = Jwts.decodeVerified(accountJwt);
    if (!"account".equals(claims.type())) {
      throw new InvalidJwtException(
          "expected an account JWT, got type '" + claims.type() + "'", null);
    }
    if (!trustedSigners.contains(claims.issuer())) {
      throw new UntrustedJwtException(
          "refusing to push the JWT of account "
              + claims.subject()
              + ": its issuer "
              + claims.issuer()
              + " is not one of our operator signing keys");
    }
    return claims;
  }

  private JsonNode request(String subject, String body) {
    Message reply = send(subject, body);
    try {
      return Jwts.JSON.readTree(reply.getData());
    } catch (IOException e) {
      throw new ResolverException("unreadable reply on " + subject, e);
    }
  }

  private Message send(String subject, String body) {
    requests.incrementAndGet();
    try {
      return system
          .request(subject, body.getBytes(StandardCharsets.UTF_8))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException | CancellationException e) {
      throw new ResolverException(
          "no answer from the account resolver on " + subject + " (is the system user valid?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ResolverException("interrupted while waiting on " + subject, e);
    }
  }
}
