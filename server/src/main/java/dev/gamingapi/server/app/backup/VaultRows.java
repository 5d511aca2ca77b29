package dev.gamingapi.server.app.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.KeyVault.StoredKey;
import dev.gamingapi.server.keys.MasterKey;
import dev.gamingapi.server.keys.SecretFiles;
import dev.gamingapi.server.keys.WrongMasterKeyException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The key vault of a platform with an external broker, which lives in the database ({@code
 * vault_keys}) rather than in {@code keys.json}. A backup reads it in the transaction that lists
 * the tenants (so it holds the keys of every tenant of the copy) and writes it beside the database
 * copy as {@value #FILE}, in the layout of {@code keys.json}: a restore then checks the master key
 * against it before it writes anything, and signs the tenants' internal users from it, without
 * reading the dump. The seeds stay sealed under the master key, as in the table.
 */
final class VaultRows {
  /** The vault of an external-broker backup, in the backup directory. */
  static final String FILE = "vault-keys.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VaultRows() {}

  /** Every entry of {@code vault_keys} that {@code connection} sees. */
  static Map<String, StoredKey> read(Connection connection) throws SQLException {
    Map<String, StoredKey> rows = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT name, public_key, sealed_seed FROM vault_keys")) {
      while (rs.next()) {
        rows.put(rs.getString(1), new StoredKey(rs.getString(2), rs.getString(3)));
      }
    }
    return rows;
  }

  /**
   * Checks that {@code key} opens every entry of {@code rows}, read from {@code where}.
   *
   * @throws BackupException when there is none (not an external broker's database) or the key does
   *     not open them
   */
  static void check(Map<String, StoredKey> rows, MasterKey key, String where) {
    if (rows.isEmpty()) {
      throw new BackupException(
          "the key vault in "
              + where
              + " is empty: not the database of a platform with an external broker"
              + " (GAMINGAPI_DATABASE_URL?)");
    }
    try {
      KeyVault.shared(new Fixed(rows), key);
    } catch (WrongMasterKeyException e) {
      throw new BackupException(
          "the master key from "
              + key.origin()
              + " does not open the key vault in "
              + where
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Entries read once, only read. */
  private record Fixed(Map<String, StoredKey> rows) implements KeyVault.Storage {
    @Override
    public Optional<StoredKey> read(String name) {
      return Optional.ofNullable(rows.get(name));
    }

    @Override
    public Set<String> names() {
      return rows.keySet();
    }

    @Override
    public StoredKey putIfAbsent(String name, StoredKey key) {
      throw new UnsupportedOperationException("a backup only reads the vault");
    }

    @Override
    public void remove(String name) {
      throw new UnsupportedOperationException("a backup only reads the vault");
    }
  }

  /** Writes {@code rows} to {@code file} (owner-only), as {@code keys.json} is written. */
  static void write(Map<String, StoredKey> rows, Path file) {
    try {
      SecretFiles.writeNew(file, JSON.writeValueAsString(rows));
    } catch (IOException e) {
      throw new BackupException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
