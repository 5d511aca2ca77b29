package dev.gamingapi.server.app;

import dev.gamingapi.server.jwt.AccountClaims;
import dev.gamingapi.server.jwt.CredsIssuer;
import dev.gamingapi.server.jwt.OperatorClaims;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.SecretFiles;
import io.nats.client.NKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The first step of a deployment with an external broker ({@code gamingapi init}): makes an
 * operator, its signing key and the system account, and writes them where the broker nodes and the
 * platform instances read them (a shared volume):
 *
 * <ul>
 *   <li>{@value #BROKER_INCLUDE}: the lines every node's config includes ({@code operator} and the
 *       system account's JWT inline, {@code system_account}, {@code resolver_preload}); no path and
 *       no tenant in it, so one file serves every node;
 *   <li>{@value #OPERATOR_JWT}, {@value #SIGNING_SEED} and {@value #SYSTEM_CREDS}: what the
 *       platform takes in {@code GAMINGAPI_OPERATOR_JWT_FILE}, {@code
 *       GAMINGAPI_OPERATOR_SIGNING_SEED_FILE} and {@code GAMINGAPI_SYSTEM_CREDS_FILE}.
 * </ul>
 *
 * <p>Idempotent: when the files exist, nothing is written, so the step can run at every {@code
 * compose up}. The operator identity's seed is not kept: only its signing key signs accounts, and a
 * new signing key means a new operator JWT, which this step makes anyway.
 */
public final class OperatorSetup {
  /** The broker config include. */
  public static final String BROKER_INCLUDE = "operator.conf";

  /** The operator JWT. */
  public static final String OPERATOR_JWT = "operator.jwt";

  /** The operator signing key's seed (mode 0600). */
  public static final String SIGNING_SEED = "operator-signing.nk";

  /** Creds of the platform's system-account user (mode 0600). */
  public static final String SYSTEM_CREDS = "sys.creds";

  private OperatorSetup() {}

  /**
   * The files in {@code dir}, written when missing.
   *
   * @return whether they were written now (false: they existed)
   */
  public static boolean ensure(Path dir) {
    if (Files.exists(dir.resolve(BROKER_INCLUDE)) && Files.exists(dir.resolve(SYSTEM_CREDS))) {
      return false;
    }
    try {
      SecureRandom random = new SecureRandom();
      NKey operator = NKey.createOperator(random);
      NKey signing = NKey.createOperator(random);
      NKey system = NKey.createAccount(random);
      NKey systemSigning = NKey.createAccount(random);
      String systemKey = KeyVault.publicKeyOf(system);
      long now = System.currentTimeMillis() / 1000;
      String operatorJwt =
          OperatorClaims.encode(
              operator, "gamingapi", List.of(KeyVault.publicKeyOf(signing)), systemKey, now);
      String systemJwt =
          AccountClaims.system(signing, systemKey, KeyVault.publicKeyOf(systemSigning), now);
      String creds = new CredsIssuer(systemKey, systemSigning).systemUser(null).text();
      Files.createDirectories(dir);
      for (String name : List.of(OPERATOR_JWT, SIGNING_SEED, SYSTEM_CREDS)) {
        Files.deleteIfExists(dir.resolve(name)); // an earlier run that stopped half-way
      }
      Files.writeString(dir.resolve(OPERATOR_JWT), operatorJwt);
      SecretFiles.writeNew(dir.resolve(SIGNING_SEED), new String(signing.getSeed()));
      SecretFiles.writeNew(dir.resolve(SYSTEM_CREDS), creds);
      // Written last: its presence says the set is complete.
      Files.writeString(
          dir.resolve(BROKER_INCLUDE), brokerInclude(operatorJwt, systemKey, systemJwt));
      return true;
    } catch (IOException | GeneralSecurityException e) {
      throw new DataFileException("cannot write the operator files to " + dir, e);
    }
  }

  static String brokerInclude(String operatorJwt, String systemKey, String systemJwt) {
    return """
        # Written by `gamingapi init`: the operator this broker trusts and its system account.
        # The same on every node; tenants are never written here (they live in the resolver).
        operator: "%s"
        system_account: %s
        resolver_preload { %s: "%s" }
        """
        .formatted(operatorJwt, systemKey, systemKey, systemJwt);
  }
}
