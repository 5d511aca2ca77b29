package dev.gamingapi.server.app.backup;

import dev.gamingapi.server.app.BrokerOnly;
import dev.gamingapi.server.app.PlatformConfig;
import java.util.Set;

/**
 * The external broker a restore fills, reached as the platform reaches it and checked before
 * anything is written: it must trust the operator of the backup (the account JWTs in the database
 * are signed by its signing key; another operator's broker would refuse them) and hold none of the
 * backup's accounts (a restored stream must not meet a stream of the same name).
 */
final class TargetBroker {
  private TargetBroker() {}

  static BrokerOnly open(PlatformConfig config, BackupManifest manifest) {
    BrokerOnly broker;
    try {
      broker = BrokerOnly.external(config);
    } catch (RuntimeException e) {
      throw new BackupException(
          "cannot reach the broker " + config.brokerUrl() + ": " + ErrorLines.first(e), e);
    }
    try {
      if (!broker.operatorPublicKey().equals(manifest.operatorPublicKey())) {
        throw new BackupException(
            "the operator files (GAMINGAPI_OPERATOR_JWT_FILE "
                + config.operatorJwtFile()
                + ") are of operator "
                + broker.operatorPublicKey()
                + ", the backup of operator "
                + manifest.operatorPublicKey()
                + ": give the operator files of the platform backed up (from gamingapi init)");
      }
      Set<String> held = broker.accounts();
      for (BackupManifest.Tenant tenant : manifest.tenants()) {
        if (held.contains(tenant.publicKey())) {
          throw new BackupException(
              "the broker "
                  + config.brokerUrl()
                  + " already has account "
                  + tenant.name()
                  + " ("
                  + tenant.publicKey()
                  + "): restore onto a new, empty broker");
        }
      }
      return broker;
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }
}
