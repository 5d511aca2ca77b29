package dev.gamingapi.server.app.backup;

import dev.gamingapi.server.accounts.AccountKeys;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.jwt.CredsIssuer;
import dev.gamingapi.server.keys.KeyVault;
import io.nats.client.Connection;
import java.time.Duration;

/**
 * Connects to a tenant's account as a short-lived internal user signed with the tenant's signing
 * key from the vault, as the platform does for its own work: a backup needs no creds file per
 * tenant, only the vault and its master key.
 */
final class TenantAccess {
  private static final Duration LIFETIME = Duration.ofHours(1);

  private TenantAccess() {}

  static Connection connect(KeyVault vault, String brokerUrl, TenantRow tenant, String purpose) {
    var signing =
        vault
            .find(AccountKeys.signing(tenant.name()))
            .orElseThrow(
                () ->
                    new BackupException(
                        "the key vault has no signing key of tenant "
                            + tenant.name()
                            + ": keys.json does not belong to this database"));
    CredsIssuer issuer = new CredsIssuer(tenant.publicKey(), signing);
    return BrokerConnections.connect(
        brokerUrl, issuer.internal(purpose, LIFETIME).authHandler(), "gamingapi-" + purpose, false);
  }
}
