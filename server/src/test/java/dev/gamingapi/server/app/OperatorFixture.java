package dev.gamingapi.server.app;

import dev.gamingapi.server.control.AccountClaims;
import dev.gamingapi.server.control.CredsIssuer;
import dev.gamingapi.server.control.KeyVault;
import dev.gamingapi.server.control.OperatorClaims;
import io.nats.client.NKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * An operator made by a test with the control classes, as an operator of an external broker would:
 * its files and the nats-server config block that trusts it.
 */
record OperatorFixture(Path signingSeed, Path operatorJwt, Path systemCreds, String serverConfig) {

  static OperatorFixture create(Path dir) throws Exception {
    SecureRandom random = new SecureRandom();
    NKey operator = NKey.createOperator(random);
    NKey signing = NKey.createOperator(random);
    NKey system = NKey.createAccount(random);
    NKey systemSigning = NKey.createAccount(random);
    String systemKey = KeyVault.publicKeyOf(system);
    long now = System.currentTimeMillis() / 1000;
    String operatorJwt =
        OperatorClaims.encode(
            operator, "external", List.of(KeyVault.publicKeyOf(signing)), systemKey, now);
    String systemJwt =
        AccountClaims.system(signing, systemKey, KeyVault.publicKeyOf(systemSigning), now);
    String creds = new CredsIssuer(systemKey, systemSigning).systemUser(null).text();

    Files.createDirectories(dir);
    Path jwtFile = Files.writeString(dir.resolve("operator.jwt"), operatorJwt);
    Path seedFile =
        Files.writeString(dir.resolve("operator-signing.nk"), new String(signing.getSeed()));
    Path credsFile = Files.writeString(dir.resolve("sys.creds"), creds);
    // The resolver dir is relative: each node runs in its own directory, so one config text (as a
    // real cluster shares) still gives every node its own resolver store.
    String config =
        """
        operator: "%s"
        system_account: %s
        resolver { type: full, dir: "jwt", allow_delete: true, interval: "2m", timeout: "1.9s" }
        resolver_preload { %s: "%s" }
        """
            .formatted(jwtFile.toAbsolutePath(), systemKey, systemKey, systemJwt);
    return new OperatorFixture(seedFile, jwtFile, credsFile, config);
  }
}
