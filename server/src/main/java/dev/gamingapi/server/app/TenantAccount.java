package dev.gamingapi.server.app;

import dev.gamingapi.server.control.AccountClaims;
import dev.gamingapi.server.control.CredsIssuer;
import dev.gamingapi.server.control.InvalidJwtException;
import dev.gamingapi.server.control.Jwts;
import dev.gamingapi.server.control.KeyVault;
import dev.gamingapi.server.control.Plan;
import dev.gamingapi.server.control.ResolverClient;
import dev.gamingapi.server.control.StaleJwtException;
import io.nats.client.NKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant account: its keys (in the vault), its JWT (in {@code DATA/accounts/NAME.jwt}) and its
 * plan.
 *
 * @param name the account's name
 * @param publicKey the account's public key
 * @param signingKey the account signing key that signs its users
 * @param plan its quotas
 * @param jwt its current JWT
 */
record TenantAccount(String name, String publicKey, NKey signingKey, Plan plan, String jwt) {
  private static final Logger LOG = LoggerFactory.getLogger(TenantAccount.class);

  /** An issuer of this account's user creds. */
  CredsIssuer creds() {
    return new CredsIssuer(publicKey, signingKey);
  }

  /**
   * Loads or creates account {@code name} and makes the resolver hold its JWT.
   *
   * <p>The stored JWT is kept when re-encoding it with its own {@code iat} gives the same bytes
   * (ed25519 signatures are deterministic), so an unchanged account is never re-pushed; a change
   * (plan, replicas, keys, operator signing key) issues a JWT with a new {@code iat}.
   *
   * @param replicas the replicas of the account's streams, which its storage limits must cover
   */
  static TenantAccount ensure(
      String name,
      Plan plan,
      int replicas,
      KeyVault vault,
      Path accountsDir,
      OperatorContext operator,
      ResolverClient resolver) {
    NKey account = vault.getOrCreate("account." + name, NKey.Type.ACCOUNT);
    NKey signing = vault.getOrCreate("account." + name + ".signing", NKey.Type.ACCOUNT);
    String publicKey = KeyVault.publicKeyOf(account);
    String signingKey = KeyVault.publicKeyOf(signing);
    Path file = accountsDir.resolve(name + ".jwt");

    String jwt =
        stored(file)
            .filter(
                existing -> {
                  long iat = Jwts.decodeVerified(existing).issuedAt();
                  return existing.equals(
                      encode(operator, publicKey, name, signingKey, plan, replicas, iat));
                })
            .orElse(null);
    if (jwt == null) {
      jwt = encode(operator, publicKey, name, signingKey, plan, replicas, now());
      save(file, jwt);
    }
    try {
      if (resolver.reconcile(jwt)) {
        LOG.info("account {} was out of date in the resolver; pushed it", name);
      }
    } catch (StaleJwtException newerInResolver) {
      // Someone pushed a newer JWT (another instance, an older data dir): ours wins, reissued now.
      jwt = encode(operator, publicKey, name, signingKey, plan, replicas, now());
      save(file, jwt);
      resolver.push(jwt);
    }
    return new TenantAccount(name, publicKey, signing, plan, jwt);
  }

  private static String encode(
      OperatorContext operator,
      String publicKey,
      String name,
      String signingKey,
      Plan plan,
      int replicas,
      long iat) {
    return AccountClaims.tenant(
        operator.signingKey(), publicKey, name, signingKey, plan, replicas, iat);
  }

  private static Optional<String> stored(Path file) {
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String jwt = Files.readString(file).strip();
      Jwts.decodeVerified(jwt); // a corrupt file is replaced, not pushed
      return Optional.of(jwt);
    } catch (IOException e) {
      throw new DataFileException("cannot read " + file, e);
    } catch (InvalidJwtException corrupt) {
      LOG.warn("{} is not a valid JWT; issuing a new one", file);
      return Optional.empty();
    }
  }

  private static void save(Path file, String jwt) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, jwt + "\n");
    } catch (IOException e) {
      throw new DataFileException("cannot write " + file, e);
    }
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
