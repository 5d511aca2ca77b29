package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.jwt.AccountClaims;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.MasterKey;
import dev.gamingapi.server.resolver.ResolverClient;
import dev.gamingapi.server.resolver.StaleJwtException;
import dev.gamingapi.server.resolver.UntrustedJwtException;
import io.nats.client.NKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the resolver itself does not make (pitfalls 2 and 3), and the reconcile step. */
class ResolverGuardTest {
  @TempDir static Path dataDir;
  private static Platform platform;
  private static final SecureRandom RANDOM = new SecureRandom();

  @BeforeAll
  static void start() {
    platform = new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))).start();
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  @Test
  void aJwtSignedByAForeignOperatorIsRefusedBeforeItReachesTheBroker() throws Exception {
    NKey foreignOperator = NKey.createOperator(RANDOM);
    String account = KeyVault.publicKeyOf(NKey.createAccount(RANDOM));
    String jwt =
        AccountClaims.tenant(
            foreignOperator, account, "intruder", account, Plan.defaultPlan(), 1, now());
    ResolverClient resolver = platform.resolver();

    assertThatThrownBy(() -> resolver.push(jwt))
        .isInstanceOf(UntrustedJwtException.class)
        .hasMessageContaining("not one of our operator signing keys");
    assertThat(resolver.listAccounts()).doesNotContain(account);
  }

  @Test
  void aJwtOlderThanTheStoredOneIsRefused() throws Exception {
    NKey signing = signingKeyOfThePlatform();
    String account = KeyVault.publicKeyOf(NKey.createAccount(RANDOM));
    ResolverClient resolver = platform.resolver();
    resolver.push(
        AccountClaims.tenant(signing, account, "t", account, Plan.defaultPlan(), 1, now()));

    String older =
        AccountClaims.tenant(signing, account, "t-old", account, Plan.defaultPlan(), 1, now() - 60);

    assertThatThrownBy(() -> resolver.push(older)).isInstanceOf(StaleJwtException.class);
    assertThat(resolver.lookup(account)).isPresent().get().isNotEqualTo(older);
  }

  @Test
  void reconcilePushesOnlyWhenTheResolverDiffers() {
    assertThat(platform.resolver().reconcile(platform.defaultAccountJwt())).isFalse();
  }

  private static NKey signingKeyOfThePlatform() {
    // The test reads the vault as a second instance of the platform would.
    MasterKey masterKey = MasterKey.fromFile(dataDir.resolve("master.key"), false);
    return KeyVault.open(dataDir.resolve("keys.json"), masterKey)
        .find("operator.signing")
        .orElseThrow();
  }

  private static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
