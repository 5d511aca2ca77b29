package dev.gamingapi.server.app.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a backup holds, written last into {@code manifest.json}: a directory without it is an
 * incomplete backup, and a restore refuses it.
 *
 * @param format the layout of the backup directory: {@link #FORMAT} for an embedded broker's
 *     (readable by every version), {@link #FORMAT_EXTERNAL} for an external broker's (a version
 *     that predates it refuses it, rather than look for a {@code keys.json} it does not have)
 * @param platformVersion the version of the command that took it
 * @param createdAt when the backup started (ISO-8601, UTC)
 * @param database {@code sqlite} or {@code postgresql}, and so {@link #SQLITE_FILE} or {@link
 *     #POSTGRES_FILE}
 * @param operatorPublicKey the operator whose keys the vault holds; a restore checks that the
 *     master key it is given opens that vault
 * @param masterKey where the master key came from ({@code file} or {@code environment}); the key
 *     itself is never in the backup
 * @param tenants every tenant of the database copy, with its streams as snapshotted
 * @param broker {@link #EMBEDDED} (the vault in {@code data/keys.json}) or {@link #EXTERNAL} (the
 *     vault from the database in {@value VaultRows#FILE}; operator files not carried); absent from
 *     backups of versions before it, which are all embedded
 */
public record BackupManifest(
    int format,
    String platformVersion,
    String createdAt,
    String database,
    String operatorPublicKey,
    String masterKey,
    List<Tenant> tenants,
    String broker) {
  /** The layout of an embedded broker's backup. */
  public static final int FORMAT = 1;

  /** The layout of an external broker's backup. */
  public static final int FORMAT_EXTERNAL = 2;

  /** {@link #broker()} of a platform that runs its own nats-server. */
  public static final String EMBEDDED = "embedded";

  /** {@link #broker()} of a platform managing an external nats-server or cluster. */
  public static final String EXTERNAL = "external";

  /** The manifest's file name in a backup directory. */
  public static final String FILE = "manifest.json";

  /** The SQLite copy in a backup directory. */
  public static final String SQLITE_FILE = "gamingapi.db";

  /** The PostgreSQL dump (custom format, for pg_restore) in a backup directory. */
  public static final String POSTGRES_FILE = "gamingapi.pgdump";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * A tenant and its streams.
   *
   * @param name the account name
   * @param publicKey the account's public key (its NATS account id)
   * @param readModelPosition the {@code EVENTS} sequence the database copy's read models applied up
   *     to; the snapshot of {@code EVENTS} reaches at least there
   * @param streams its streams as snapshotted
   */
  public record Tenant(
      String name, String publicKey, long readModelPosition, List<Stream> streams) {}

  /**
   * A stream's state in its snapshot.
   *
   * @param name {@code EVENTS} or {@code COMMANDS}
   * @param firstSeq the first sequence it held
   * @param lastSeq the last sequence it held
   * @param messages how many messages it held
   * @param bytes the bytes of the snapshot file
   */
  public record Stream(String name, long firstSeq, long lastSeq, long messages, long bytes) {}

  /** Whether the platform backed up had an external broker. */
  public boolean externalBroker() {
    return EXTERNAL.equals(broker);
  }

  /** Writes this manifest to {@code dir/manifest.json}. */
  public void write(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Path partial = dir.resolve(FILE + ".partial");
      JSON.writeValue(partial.toFile(), this);
      Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BackupException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The manifest of the backup in {@code dir}.
   *
   * @throws BackupException when there is none (not a backup, or one that did not finish), it does
   *     not parse, or its format is not this version's
   */
  public static BackupManifest read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new BackupException(
          "no "
              + FILE
              + " in "
              + dir
              + ": not a gamingapi backup, or one that did not finish (the manifest is written"
              + " last)");
    }
    BackupManifest manifest;
    try {
      manifest = JSON.readValue(file.toFile(), BackupManifest.class);
    } catch (IOException e) {
      throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (manifest.format() != (manifest.externalBroker() ? FORMAT_EXTERNAL : FORMAT)) {
      throw new BackupException(
          file
              + " has format "
              + manifest.format()
              + "; this version restores formats "
              + FORMAT
              + " (embedded broker) and "
              + FORMAT_EXTERNAL
              + " (external broker)");
    }
    if (manifest.tenants() == null || manifest.database() == null) {
      throw new BackupException(file + " lists no tenants or no database: it is not complete");
    }
    return manifest;
  }
}
