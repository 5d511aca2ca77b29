package dev.gamingapi.server.app.backup;

import dev.gamingapi.server.keys.KeyVault.StoredKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A consistent copy of the platform's database taken while it runs, and its restore.
 *
 * <p>SQLite: {@code VACUUM INTO} writes the database as one read transaction sees it (in WAL mode
 * the platform's writer is not stopped), into a file that is a database of its own. PostgreSQL:
 * {@code pg_dump} of a snapshot exported by a transaction that also reads the tenants, so that the
 * dump and the list of tenants whose streams are backed up are the same moment; restored with
 * {@code pg_restore} into an empty database.
 */
final class DatabaseCopy {
  static final String SQLITE = "sqlite";
  static final String POSTGRESQL = "postgresql";

  private DatabaseCopy() {}

  /**
   * What a copy holds besides itself: its tenants, and the key vault's rows (empty with an embedded
   * broker, whose vault is {@code keys.json}).
   */
  record Copy(List<TenantRow> tenants, Map<String, StoredKey> vault) {}

  /** {@code sqlite} or {@code postgresql}, for a configured URL (null: SQLite in the data dir). */
  static String kind(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
  }

  /** The SQLite file of the platform: {@code DATA/gamingapi.db} unless the URL names another. */
  static Path sqliteFile(String jdbcUrl, Path dataDir) {
    if (jdbcUrl == null) {
      return dataDir.resolve("gamingapi.db");
    }
    String path = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    return Path.of(query < 0 ? path : path.substring(0, query));
  }

  /**
   * The key vault's rows in the running platform's database, to check the master key before a
   * backup copies anything.
   */
  static Map<String, StoredKey> liveVault(String jdbcUrl, Path dataDir) {
    String url =
        kind(jdbcUrl).equals(POSTGRESQL) ? jdbcUrl : "jdbc:sqlite:" + live(jdbcUrl, dataDir);
    try (Connection connection = DriverManager.getConnection(url)) {
      return VaultRows.read(connection);
    } catch (SQLException e) {
      throw new BackupException("cannot read the key vault in the database: " + e.getMessage(), e);
    }
  }

  private static Path live(String jdbcUrl, Path dataDir) {
    Path source = sqliteFile(jdbcUrl, dataDir);
    if (!Files.isRegularFile(source)) {
      throw new BackupException("no database at " + source + ": is --data-dir right?");
    }
    return source;
  }

  /**
   * Copies the database into {@code backupDir} and answers what the copy holds.
   *
   * @throws BackupException naming the database step that failed
   */
  static Copy backup(String jdbcUrl, Path dataDir, Path backupDir) {
    try {
      if (kind(jdbcUrl).equals(POSTGRESQL)) {
        return backupPostgres(jdbcUrl, backupDir.resolve(BackupManifest.POSTGRES_FILE));
      }
      Path source = live(jdbcUrl, dataDir);
      Path copy = backupDir.resolve(BackupManifest.SQLITE_FILE);
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source);
          Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 30000");
        statement.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
      }
      return tenantsOfSqlite(copy);
    } catch (SQLException e) {
      throw new BackupException("cannot copy the database: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses, before a restore writes anything, a target that cannot take the backup's database: a
   * PostgreSQL dump without a PostgreSQL URL (or the other way round), an existing SQLite file, a
   * PostgreSQL database that has tables.
   */
  static void checkTarget(String kind, String jdbcUrl, Path dataDir) {
    if (kind.equals(POSTGRESQL) && kind(jdbcUrl).equals(SQLITE)) {
      throw new BackupException(
          "the backup holds a PostgreSQL dump: set GAMINGAPI_DATABASE_URL to an empty PostgreSQL"
              + " database to restore it into");
    }
    if (kind.equals(SQLITE) && kind(jdbcUrl).equals(POSTGRESQL)) {
      throw new BackupException(
          "the backup holds a SQLite database but GAMINGAPI_DATABASE_URL names PostgreSQL");
    }
    if (kind.equals(SQLITE)) {
      Path target = sqliteFile(jdbcUrl, dataDir);
      if (Files.exists(target)) {
        throw new BackupException(target + " exists: restore into a new, empty place");
      }
      return;
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new BackupException(
            "the PostgreSQL database of GAMINGAPI_DATABASE_URL has tables: restore into an empty"
                + " one");
      }
    } catch (SQLException e) {
      throw new BackupException("cannot reach the database to restore into: " + e.getMessage(), e);
    }
  }

  /**
   * Puts the copy of {@code backupDir} in place (after {@link #checkTarget}): the SQLite file at
   * the place {@code jdbcUrl} (or the new data directory) says, or the dump into the PostgreSQL
   * database {@code jdbcUrl}. Answers the tenants it holds.
   */
  static List<TenantRow> restore(String kind, Path backupDir, String jdbcUrl, Path dataDir) {
    try {
      if (kind.equals(POSTGRESQL)) {
        PgTools.run(
            jdbcUrl,
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            backupDir.resolve(BackupManifest.POSTGRES_FILE).toString());
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
          return restored(connection);
        }
      }
      Path target = sqliteFile(jdbcUrl, dataDir);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(backupDir.resolve(BackupManifest.SQLITE_FILE), target);
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + target)) {
        return restored(connection);
      }
    } catch (SQLException | IOException e) {
      throw new BackupException("cannot restore the database: " + e.getMessage(), e);
    }
  }

  private static Copy tenantsOfSqlite(Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      return new Copy(TenantRow.all(connection), VaultRows.read(connection));
    }
  }

  /**
   * The tenants of a restored database, after releasing its leases: the instances that held them
   * are the old machine's, and a new instance would otherwise wait for them to expire before it
   * serves a tenant.
   */
  private static List<TenantRow> restored(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM leases");
    }
    return TenantRow.all(connection);
  }

  private static Copy backupPostgres(String jdbcUrl, Path dump) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        String snapshot;
        try (ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot()")) {
          rs.next();
          snapshot = rs.getString(1);
        }
        Copy copy = new Copy(TenantRow.all(connection), VaultRows.read(connection));
        PgTools.run(
            jdbcUrl,
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--snapshot=" + snapshot,
            "--file=" + dump);
        return copy;
      } finally {
        connection.rollback();
      }
    }
  }
}
