package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.resolver.ResolverClient;
import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating a tenant costs the same with ten or ten thousand others: nothing on the way asks the
 * resolver for the list of every account (a list of 782 ids took 466 ms, and account #780 failed on
 * it).
 */
class AccountCreationCostTest {
  @TempDir Path tmp;

  @Test
  void creatingAndChangingAccountsNeverListsEveryAccount() throws Exception {
    OperatorFixture operator = OperatorFixture.create(tmp.resolve("operator"));
    try (NatsServerProcess broker =
            NatsServerProcess.start(
                tmp.resolve("broker"), FreePorts.next(), operator.serverConfig());
        Platform platform =
            new Platform(
                    PlatformSettings.of(operator.platformConfig(tmp.resolve("data"), broker.url())))
                .start()) {
      ResolverClient resolver = platform.resolver();
      long listsAtStart = resolver.listsSent();

      for (int i = 0; i < 5; i++) {
        platform.tenancy().accounts().create("tenant" + i, "free", "", Actor.PLATFORM);
      }
      platform.tenancy().accounts().update("tenant0", "standard", null, Actor.PLATFORM);

      assertThat(platform.tenancy().accounts().get("tenant0").plan()).isEqualTo("standard");
      assertThat(resolver.lookup(platform.tenancy().accounts().get("tenant4").publicKey()))
          .isPresent();
      assertThat(resolver.listsSent() - listsAtStart)
          .as("lists of every account while creating and changing accounts")
          .isZero();
    }
  }
}
