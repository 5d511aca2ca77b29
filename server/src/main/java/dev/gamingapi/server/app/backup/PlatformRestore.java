package dev.gamingapi.server.app.backup;

import dev.gamingapi.server.app.BrokerOnly;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.StreamSnapshots;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.MasterKey;
import dev.gamingapi.server.keys.SecretFiles;
import io.nats.client.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes a new data directory (on a new machine, or beside the old one) from a {@link
 * PlatformBackup}: checks the master key against the backup's vault before anything is written,
 * puts the vault, creds and database in place, then starts the new data directory's embedded broker
 * alone ({@link BrokerOnly}), hands it every tenant's account JWT and restores every tenant's
 * streams from their snapshots, with their sequences, and checks them against the manifest. The
 * broker is stopped again: {@code gamingapi up} on the directory then finds the streams in place
 * (nothing to delete, nothing provisioned empty over them) and the read models go on from the
 * stream position the database holds.
 *
 * <p>With an external broker ({@code external} given) the same, onto a new, empty nats-server (or
 * cluster) that trusts the operator of the backup (the operator files of {@code gamingapi init},
 * which the backup does not carry, are given as {@code gamingapi up} takes them): nothing is
 * started; the account JWTs are pushed through its system account, and the streams restored with
 * the replicas the platform will give them there ({@code GAMINGAPI_REPLICAS}, or 3 on a cluster of
 * 3+ nodes, 1 on one node).
 *
 * @param dataDir the new data directory; it must not exist or be empty
 * @param databaseUrl the JDBC URL of an empty PostgreSQL database for a PostgreSQL backup, or null
 *     (SQLite in the data directory)
 * @param masterKeyFile the {@code master.key} of the platform backed up, copied into the new data
 *     directory; or null when {@code masterKey} is given
 * @param masterKey {@code GAMINGAPI_MASTER_KEY} of the new platform, or null
 * @param external the new platform's settings when its broker is external (broker URL, operator
 *     files, replicas), or null for an embedded broker
 */
public record PlatformRestore(
    Path dataDir,
    String databaseUrl,
    Path masterKeyFile,
    String masterKey,
    PlatformConfig external) {

  /** A restore into a data directory with an embedded broker. */
  public PlatformRestore(Path dataDir, String databaseUrl, Path masterKeyFile, String masterKey) {
    this(dataDir, databaseUrl, masterKeyFile, masterKey, null);
  }

  /**
   * Restores the backup in {@code from}, telling {@code progress} a line per step and per tenant.
   *
   * @throws BackupException naming what is wrong: no manifest, wrong master key, a data directory
   *     in use, a stream that came back different
   */
  public BackupManifest run(Path from, Consumer<String> progress) {
    BackupManifest manifest = BackupManifest.read(from);
    progress.accept(
        "backup of %s (gamingapi %s, %s%s): %d tenant(s)"
            .formatted(
                manifest.createdAt(),
                manifest.platformVersion(),
                manifest.database(),
                manifest.externalBroker() ? ", external broker" : "",
                manifest.tenants().size()));
    if (manifest.externalBroker() != (external != null)) {
      throw new BackupException(
          manifest.externalBroker()
              ? "the backup is of a platform with an external broker: set GAMINGAPI_BROKER_URL"
                  + " (the new, empty broker) and the operator files of gamingapi init"
              : "the backup is of a platform with an embedded broker: unset GAMINGAPI_BROKER_URL");
    }
    MasterKey key = theMasterKey();
    KeyVault vault = backupVault(from, manifest, key);
    requireEmpty(dataDir);
    DatabaseCopy.checkTarget(manifest.database(), databaseUrl, dataDir);
    // An external broker is reached, and checked, before anything is written.
    BrokerOnly target = external != null ? TargetBroker.open(external, manifest) : null;
    try {
      int files = DataFiles.restore(from, dataDir);
      if (masterKeyFile != null) {
        copyMasterKey();
      }
      progress.accept("keys and creds: " + files + " file(s), master key checked");
      List<TenantRow> rows = DatabaseCopy.restore(manifest.database(), from, databaseUrl, dataDir);
      progress.accept("database (" + manifest.database() + "): " + rows.size() + " tenant(s)");
      Integer replicas = null; // the snapshots' own: an embedded broker's are 1
      if (target == null) {
        target = BrokerOnly.start(KeyVault.open(dataDir.resolve(DataFiles.VAULT), key), dataDir);
      } else {
        replicas = target.streamReplicas(external);
        progress.accept(
            "broker %s: stream replicas %d (streams backed up with fewer get them when the platform starts)"
                .formatted(target.url(), replicas));
      }
      restoreStreams(manifest, rows, vault, target, replicas, from, progress);
    } catch (RuntimeException e) {
      // Checked empty above: what is there now is this restore's, and useless half done.
      throw new BackupException(
          ErrorLines.first(e)
              + (external == null
                  ? " (" + dataDir + " is incomplete: empty it before restoring again)"
                  : " ("
                      + dataDir
                      + ", the database and the broker are incomplete: empty them"
                      + " before restoring again)"),
          e);
    } finally {
      if (target != null) {
        target.close();
      }
    }
    return manifest;
  }

  /** The vault the backup carries, checked against the master key and the manifest. */
  private static KeyVault backupVault(Path from, BackupManifest manifest, MasterKey key) {
    if (manifest.externalBroker()) {
      return MasterKeys.openAny(from.resolve(VaultRows.FILE), key);
    }
    KeyVault vault = MasterKeys.open(from.resolve(DataFiles.DIR).resolve(DataFiles.VAULT), key);
    if (!vault.publicKey("operator").orElseThrow().equals(manifest.operatorPublicKey())) {
      throw new BackupException(
          "the key vault of the backup is not the one its manifest names: the backup is damaged");
    }
    return vault;
  }

  /** Hands the broker every account JWT, then restores every tenant's streams. */
  private static void restoreStreams(
      BackupManifest manifest,
      List<TenantRow> rows,
      KeyVault vault,
      BrokerOnly broker,
      Integer replicas,
      Path from,
      Consumer<String> progress) {
    Map<String, TenantRow> byName =
        rows.stream().collect(Collectors.toMap(TenantRow::name, Function.identity()));
    for (TenantRow row : rows) {
      broker.pushAccount(row.jwt());
    }
    for (BackupManifest.Tenant tenant : manifest.tenants()) {
      TenantRow row = byName.get(tenant.name());
      if (row == null) {
        throw new BackupException(
            "tenant " + tenant.name() + " has streams in the backup but is not in its database");
      }
      restoreTenant(
          vault, broker.url(), row, tenant, PlatformBackup.streamsDir(from, row.name()), replicas);
      progress.accept(PlatformBackup.describe(tenant));
    }
  }

  private MasterKey theMasterKey() {
    if (masterKeyFile != null) {
      return MasterKey.fromFile(masterKeyFile, false);
    }
    if (masterKey != null) {
      return MasterKey.fromBase64(masterKey, "GAMINGAPI_MASTER_KEY");
    }
    throw new BackupException(
        "a backup holds no master key: give the master.key of the platform backed up"
            + " (--master-key-file) or set GAMINGAPI_MASTER_KEY");
  }

  private void copyMasterKey() {
    try {
      SecretFiles.writeNew(dataDir.resolve("master.key"), Files.readString(masterKeyFile));
    } catch (IOException e) {
      throw new BackupException("cannot write " + dataDir.resolve("master.key"), e);
    }
  }

  private static void requireEmpty(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new BackupException(
            dir + " is not empty: restore into a new data directory (a platform may use this one)");
      }
    } catch (IOException e) {
      throw new BackupException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void restoreTenant(
      KeyVault vault,
      String url,
      TenantRow row,
      BackupManifest.Tenant tenant,
      Path dir,
      Integer replicas) {
    Connection connection = TenantAccess.connect(vault, url, row, "restore");
    try {
      for (BackupManifest.Stream stream : tenant.streams()) {
        // Never more than the snapshot's: the account JWT's storage limits were made for those
        // replicas, and a platform started on the new broker re-issues it and raises them.
        Integer wanted =
            replicas == null
                ? null
                : Math.min(replicas, PlatformBackup.replicasOf(dir, stream.name()));
        StreamSnapshots.restore(connection, stream.name(), dir, wanted);
        RestoredStream.check(connection, tenant.name(), stream);
      }
    } finally {
      BrokerConnections.closeQuietly(connection);
    }
  }
}
