package dev.gamingapi.server.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes account JWTs to the broker's full resolver and reads them back, over a system-account
 * connection.
 *
 * <p>The resolver trusts whoever holds system credentials: it neither checks the signer nor refuses
 * older JWTs. This client does both before every push, and compares what the resolver stored with
 * what was sent.
 */
public final class ResolverClient {
  private static final Logger LOG = LoggerFactory.getLogger(ResolverClient.class);

  private final Connection system;
  private final Set<String> trustedSigners;
  private final Duration timeout;

  /**
   * A client over {@code system}, accepting only JWTs signed by one of {@code trustedSigners} (the
   * operator signing keys).
   */
  public ResolverClient(Connection system, Set<String> trustedSigners, Duration timeout) {
    this.system = system;
    this.trustedSigners = Set.copyOf(trustedSigners);
    this.timeout = timeout;
  }

  /**
   * Pushes {@code accountJwt} and verifies that the resolver stored it byte for byte.
   *
   * @throws InvalidJwtException if it does not decode or its signature is wrong
   * @throws UntrustedJwtException if it is not signed by a trusted operator signing key
   * @throws StaleJwtException if the resolver holds a newer JWT of the account
   * @throws ResolverException if the resolver refuses it or stores something else
   */
  public void push(String accountJwt) {
    JwtClaims claims = verify(accountJwt);
    String account = claims.subject();
    Optional<String> current = lookup(account);
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
    JsonNode reply = request("$SYS.REQ.CLAIMS.UPDATE", claims.encoded());
    int code = reply.path("data").path("code").asInt(reply.path("error").path("code").asInt(0));
    if (code != 200) {
      throw new ResolverException(
          "the resolver refused the JWT of account " + account + ": " + reply);
    }
    String stored = lookup(account).orElse("");
    if (!stored.equals(claims.encoded())) {
      throw new ResolverException(
          "the resolver acknowledged the JWT of account " + account + " but stores another one");
    }
    LOG.info("pushed the JWT of account {} ({})", claims.name(), account);
  }

  /**
   * Pushes {@code accountJwt} only when the resolver's copy differs.
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
    // out), so ask for the list of account ids first.
    if (!listAccounts().contains(accountPublicKey)) {
      return Optional.empty();
    }
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
    if (listAccounts().contains(accountPublicKey)) {
      throw new ResolverException(
          "the resolver acknowledged the deletion of account "
              + accountPublicKey
              + " but still holds it");
    }
    LOG.info("deleted account {} from the resolver", accountPublicKey);
  }

  /** The ids of the accounts the resolver holds. */
  public Set<String> listAccounts() {
    JsonNode reply = request("$SYS.REQ.CLAIMS.LIST", "");
    Set<String> ids = new HashSet<>();
    reply.path("data").forEach(id -> ids.add(id.asText()));
    return ids;
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
