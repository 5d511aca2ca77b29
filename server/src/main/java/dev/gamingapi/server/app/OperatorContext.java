package dev.gamingapi.server.app;

import dev.gamingapi.server.jwt.AccountClaims;
import dev.gamingapi.server.jwt.CredsIssuer;
import dev.gamingapi.server.jwt.InvalidJwtException;
import dev.gamingapi.server.jwt.JwtClaims;
import dev.gamingapi.server.jwt.Jwts;
import dev.gamingapi.server.jwt.OperatorClaims;
import dev.gamingapi.server.keys.KeyVault;
import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import io.nats.client.Nats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The operator side of the platform: the key that signs accounts, the signing keys the broker
 * trusts, and how to reach the resolver as the system user.
 *
 * @param operatorPublicKey the operator identity's public key
 * @param signingKey the operator signing key that signs account JWTs
 * @param trustedSigners the operator signing keys listed in the operator JWT
 * @param systemAccount the system account's public key
 * @param systemAccountJwt the system account JWT (embedded broker only; null otherwise)
 * @param systemAuth connects as the platform's system-account user
 */
record OperatorContext(
    String operatorPublicKey,
    NKey signingKey,
    Set<String> trustedSigners,
    String systemAccount,
    String systemAccountJwt,
    AuthHandler systemAuth) {

  /**
   * For the embedded broker: keys from the vault (created on first start), {@code operator.jwt} and
   * {@code sys.jwt} in {@code natsDir} (rewritten only when they no longer match the keys), and a
   * system user issued in memory at every start.
   */
  static OperatorContext embedded(KeyVault vault, Path natsDir) {
    NKey identity = vault.getOrCreate("operator", NKey.Type.OPERATOR);
    NKey signing = vault.getOrCreate("operator.signing", NKey.Type.OPERATOR);
    NKey system = vault.getOrCreate("account.SYS", NKey.Type.ACCOUNT);
    NKey systemSigning = vault.getOrCreate("account.SYS.signing", NKey.Type.ACCOUNT);
    String operatorKey = KeyVault.publicKeyOf(identity);
    String signingKey = KeyVault.publicKeyOf(signing);
    String systemKey = KeyVault.publicKeyOf(system);
    String systemSigningKey = KeyVault.publicKeyOf(systemSigning);

    reuseOrWrite(
        natsDir.resolve("operator.jwt"),
        claims ->
            claims.subject().equals(operatorKey)
                && claims.nats().path("system_account").asText().equals(systemKey)
                && claims.nats().path("signing_keys").toString().equals("[\"" + signingKey + "\"]"),
        () -> OperatorClaims.encode(identity, "gamingapi", List.of(signingKey), systemKey, now()));
    String systemJwt =
        reuseOrWrite(
            natsDir.resolve("sys.jwt"),
            claims ->
                claims.subject().equals(systemKey)
                    && claims.issuer().equals(signingKey)
                    && claims.nats().path("signing_keys").toString().contains(systemSigningKey),
            () -> AccountClaims.system(signing, systemKey, systemSigningKey, now()));
    // The system user lives in memory only and gets a fresh key at every start.
    AuthHandler systemAuth =
        new CredsIssuer(systemKey, systemSigning).systemUser(null).authHandler();
    return new OperatorContext(
        operatorKey, signing, Set.of(signingKey), systemKey, systemJwt, systemAuth);
  }

  /**
   * For an external broker: the operator signing seed, the operator JWT (for the trusted signing
   * keys) and the system user's creds file, as configured.
   */
  static OperatorContext external(PlatformConfig config) {
    NKey signing;
    JwtClaims operator;
    try {
      signing =
          NKey.fromSeed(Files.readString(config.operatorSigningSeedFile()).strip().toCharArray());
      operator = Jwts.decodeVerified(Files.readString(config.operatorJwtFile()));
    } catch (IOException e) {
      throw new DataFileException("cannot read the external broker's operator files", e);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(
          "operatorSigningSeedFile "
              + config.operatorSigningSeedFile()
              + " does not hold an operator seed");
    }
    Set<String> trusted = new HashSet<>();
    operator.nats().path("signing_keys").forEach(key -> trusted.add(key.asText()));
    String signingKey = KeyVault.publicKeyOf(signing);
    if (signing.getType() != NKey.Type.OPERATOR || !trusted.contains(signingKey)) {
      throw new InvalidConfigException(
          "the key in operatorSigningSeedFile ("
              + signingKey
              + ") is not a signing key of the operator in operatorJwtFile "
              + config.operatorJwtFile());
    }
    return new OperatorContext(
        operator.subject(),
        signing,
        Set.copyOf(trusted),
        operator.nats().path("system_account").asText(),
        null,
        Nats.credentials(config.systemCredsFile().toString()));
  }

  private interface Encoder {
    String encode();
  }

  private static String reuseOrWrite(Path file, Predicate<JwtClaims> matches, Encoder encoder) {
    try {
      if (Files.exists(file)) {
        String existing = Files.readString(file).strip();
        try {
          if (matches.test(Jwts.decodeVerified(existing))) {
            return existing;
          }
        } catch (InvalidJwtException corrupt) {
          // Rewritten below: the keys in the vault are the source of truth.
        }
      }
      String fresh = encoder.encode();
      Files.createDirectories(file.getParent());
      Files.writeString(file, fresh);
      return fresh;
    } catch (IOException e) {
      throw new DataFileException("cannot write " + file, e);
    }
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
