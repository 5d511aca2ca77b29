package dev.gamingapi.server.app.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.StreamSnapshots;
import dev.gamingapi.server.jwt.Jwts;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.MasterKey;
import dev.gamingapi.server.keys.OwnerOnly;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Backs up a whole platform, while it runs, from its data directory and its database:
 *
 * <ol>
 *   <li>the database, as one transaction sees it ({@link DatabaseCopy});
 *   <li>the key vault, operator token and creds files ({@link DataFiles}); the master key is not
 *       copied (it must be stored apart from the data it decrypts), only where it came from. With
 *       an external broker the vault is the database's ({@link VaultRows}, read in the copy's
 *       transaction), and the operator files of {@code gamingapi init} are not copied either: like
 *       the master key, they are the owner's, kept apart (the signing seed signs any account);
 *   <li>the {@code EVENTS} and {@code COMMANDS} streams of every tenant of the database copy, as
 *       JetStream snapshots, reached as an internal user issued from the vault ({@link
 *       TenantAccess});
 *   <li>{@code manifest.json}, last.
 * </ol>
 *
 * <p>The streams come after the database: the read models store the stream sequence they applied up
 * to, so each restored stream holds every event the restored database counted, and the ones it did
 * not yet are applied after the restore (once each: they are applied by event id).
 *
 * @param dataDir the platform's data directory
 * @param databaseUrl the configured JDBC URL, or null for SQLite in the data directory
 * @param masterKey {@code GAMINGAPI_MASTER_KEY}, or null to read {@code DATA/master.key}
 * @param brokerUrl where the platform's broker listens (a cluster: its nodes' URLs, by commas)
 * @param operatorJwtFile {@code GAMINGAPI_OPERATOR_JWT_FILE} of a platform with an external broker
 *     (its subject goes into the manifest), or null for an embedded broker
 * @param version the version written into the manifest
 */
public record PlatformBackup(
    Path dataDir,
    String databaseUrl,
    String masterKey,
    String brokerUrl,
    Path operatorJwtFile,
    String version) {
  /** The streams of a tenant that a backup takes. */
  public static final List<String> STREAMS = List.of(Subjects.EVENT_STREAM, CommandChannel.STREAM);

  /** A backup of a platform with an embedded broker. */
  public PlatformBackup(
      Path dataDir, String databaseUrl, String masterKey, String brokerUrl, String version) {
    this(dataDir, databaseUrl, masterKey, brokerUrl, null, version);
  }

  /** The directory of a tenant's snapshots in a backup directory. */
  static Path streamsDir(Path backupDir, String tenant) {
    return backupDir.resolve("streams").resolve(tenant);
  }

  /**
   * Writes the backup into {@code to} (which must not exist or be empty), telling {@code progress}
   * a line per step and per tenant.
   *
   * @throws BackupException naming the step that failed; {@code to} then has no manifest
   */
  public BackupManifest run(Path to, Consumer<String> progress) {
    String createdAt = Instant.now().toString();
    boolean external = operatorJwtFile != null;
    // Settings that are not the platform's, or a wrong key, fail before any copy.
    if (!external && !Files.isRegularFile(dataDir.resolve(DataFiles.VAULT))) {
      throw new BackupException(
          "no "
              + DataFiles.VAULT
              + " in "
              + dataDir
              + ": not the data directory of a platform with an embedded broker (--data-dir?)");
    }
    MasterKey key = MasterKeys.of(masterKey, dataDir);
    if (external) {
      VaultRows.check(DatabaseCopy.liveVault(databaseUrl, dataDir), key, "the database");
    } else {
      MasterKeys.open(dataDir.resolve(DataFiles.VAULT), key);
    }
    String operator = external ? operatorOf(operatorJwtFile) : null;
    prepare(to);
    DatabaseCopy.Copy copy = DatabaseCopy.backup(databaseUrl, dataDir, to);
    List<TenantRow> tenants = copy.tenants();
    String kind = DatabaseCopy.kind(databaseUrl);
    progress.accept("database (" + kind + "): " + tenants.size() + " tenant(s)");
    int files = DataFiles.save(dataDir, to);
    // The vault as copied, after the database: it holds the keys of every tenant of the database
    // copy (an account's keys are stored before its row), and it is the one a restore will use.
    KeyVault vault;
    if (external) {
      VaultRows.write(copy.vault(), to.resolve(VaultRows.FILE));
      vault = MasterKeys.openAny(to.resolve(VaultRows.FILE), key);
      progress.accept(
          "keys and creds: %d file(s), %d key(s) of the database's vault; the master key and the operator files are not copied"
              .formatted(files, copy.vault().size()));
    } else {
      vault = MasterKeys.open(to.resolve(DataFiles.DIR).resolve(DataFiles.VAULT), key);
      operator = vault.publicKey("operator").orElseThrow();
      progress.accept("keys and creds: " + files + " file(s); the master key is not copied");
    }
    List<BackupManifest.Tenant> saved = new ArrayList<>();
    for (TenantRow tenant : tenants) {
      BackupManifest.Tenant entry = backupTenant(vault, tenant, streamsDir(to, tenant.name()));
      saved.add(entry);
      progress.accept(describe(entry));
    }
    BackupManifest manifest =
        new BackupManifest(
            external ? BackupManifest.FORMAT_EXTERNAL : BackupManifest.FORMAT,
            version,
            createdAt,
            kind,
            operator,
            MasterKeys.origin(masterKey),
            List.copyOf(saved),
            external ? BackupManifest.EXTERNAL : BackupManifest.EMBEDDED);
    try {
      OwnerOnly.tighten(to); // the snapshots and the database copy were written with the umask
    } catch (IOException e) {
      throw new BackupException("cannot make " + to + " its owner's only: " + e.getMessage(), e);
    }
    manifest.write(to);
    return manifest;
  }

  /** The operator whose JWT {@code file} holds (the subject of the operator JWT). */
  private static String operatorOf(Path file) {
    try {
      return Jwts.decodeVerified(Files.readString(file).strip()).subject();
    } catch (IOException | RuntimeException e) {
      throw new BackupException(
          "cannot read the operator JWT " + file + ": " + ErrorLines.first(e), e);
    }
  }

  private static void prepare(Path to) {
    try {
      if (Files.exists(to)) {
        try (Stream<Path> entries = Files.list(to)) {
          if (entries.findAny().isPresent()) {
            throw new BackupException(to + " is not empty: back up into a new directory");
          }
        }
      }
      OwnerOnly.directory(to); // it holds the creds files and the operator token
    } catch (IOException e) {
      throw new BackupException("cannot create " + to + ": " + e.getMessage(), e);
    }
  }

  private BackupManifest.Tenant backupTenant(KeyVault vault, TenantRow tenant, Path dir) {
    Connection connection = TenantAccess.connect(vault, brokerUrl, tenant, "backup");
    try {
      List<BackupManifest.Stream> streams = new ArrayList<>();
      for (String stream : STREAMS) {
        if (!exists(connection, stream)) {
          continue; // never provisioned (a tenant still starting): the platform makes it again
        }
        long bytes = StreamSnapshots.backup(connection, stream, dir);
        JsonNode state = readState(dir.resolve(stream + ".json"));
        long last = state.path("last_seq").asLong();
        if (stream.equals(Subjects.EVENT_STREAM) && last < tenant.position()) {
          // The database counted events the stream no longer has (purged, or a stream replaced
          // behind the platform's back): a restore would reuse their sequences for new events.
          throw new BackupException(
              "EVENTS of %s ends at %d but its read models applied up to %d: not a consistent pair"
                  .formatted(tenant.name(), last, tenant.position()));
        }
        streams.add(
            new BackupManifest.Stream(
                stream,
                state.path("first_seq").asLong(),
                last,
                state.path("messages").asLong(),
                bytes));
      }
      return new BackupManifest.Tenant(
          tenant.name(), tenant.publicKey(), tenant.position(), List.copyOf(streams));
    } finally {
      BrokerConnections.closeQuietly(connection);
    }
  }

  private static boolean exists(Connection connection, String stream) {
    try {
      connection.jetStreamManagement().getStreamInfo(stream);
      return true;
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() == 404) {
        return false;
      }
      throw new BackupException("cannot look at stream " + stream + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BackupException("cannot look at stream " + stream + ": " + e.getMessage(), e);
    }
  }

  /** The replicas of {@code stream} in its snapshot in {@code dir}. */
  static int replicasOf(Path dir, String stream) {
    return Math.max(
        1, readState(dir.resolve(stream + ".json"), "config").path("num_replicas").asInt(1));
  }

  private static JsonNode readState(Path file) {
    return readState(file, "state");
  }

  private static JsonNode readState(Path file, String part) {
    try {
      return new ObjectMapper().readTree(file.toFile()).path(part);
    } catch (IOException e) {
      throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static String describe(BackupManifest.Tenant tenant) {
    StringBuilder line = new StringBuilder(tenant.name()).append(':');
    long bytes = 0;
    for (BackupManifest.Stream stream : tenant.streams()) {
      line.append(' ')
          .append(stream.name())
          .append(' ')
          .append(String.format("%,d", stream.messages()))
          .append(" msgs (seq ")
          .append(stream.firstSeq())
          .append('-')
          .append(stream.lastSeq())
          .append("),");
      bytes += stream.bytes();
    }
    return line.append(
            String.format(" %,d bytes; read models at %d", bytes, tenant.readModelPosition()))
        .toString();
  }
}
