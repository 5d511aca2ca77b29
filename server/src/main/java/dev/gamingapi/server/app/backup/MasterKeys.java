package dev.gamingapi.server.app.backup;

import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.MasterKey;
import dev.gamingapi.server.keys.WrongMasterKeyException;
import java.nio.file.Path;

/** The master key as the platform finds it, and the vault it opens. */
final class MasterKeys {
  private MasterKeys() {}

  /** {@code GAMINGAPI_MASTER_KEY} when given, else {@code DATA/master.key}, never created here. */
  static MasterKey of(String base64, Path dataDir) {
    return base64 != null
        ? MasterKey.fromBase64(base64, "GAMINGAPI_MASTER_KEY")
        : MasterKey.fromFile(dataDir.resolve("master.key"), false);
  }

  /** Where the master key comes from, for the manifest. */
  static String origin(String base64) {
    return base64 != null ? "environment" : "file";
  }

  /**
   * The vault in {@code file}, every entry checked against {@code key}.
   *
   * @throws BackupException when the key does not open it or it lacks the operator key
   */
  static KeyVault open(Path file, MasterKey key) {
    KeyVault vault = openAny(file, key);
    if (vault.publicKey("operator").isEmpty()) {
      throw new BackupException(
          file + " holds no operator key: not the key vault of a platform with an embedded broker");
    }
    return vault;
  }

  /**
   * The vault in {@code file} with or without an operator key (an external broker's operator is in
   * the files of {@code gamingapi init}), every entry checked against {@code key}.
   */
  static KeyVault openAny(Path file, MasterKey key) {
    KeyVault vault;
    try {
      vault = KeyVault.open(file, key);
    } catch (WrongMasterKeyException e) {
      throw new BackupException(
          "the master key from " + key.origin() + " does not open " + file + ": " + e.getMessage(),
          e);
    }
    return vault;
  }
}
