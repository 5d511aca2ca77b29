package dev.gamingapi.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nats.client.NKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyVaultTest {
  @TempDir Path dir;

  @Test
  void seedsNeverAppearInPlaintextOnDisk() throws Exception {
    MasterKey masterKey = MasterKey.fromFile(dir.resolve("master.key"), true);
    KeyVault vault = KeyVault.open(dir.resolve("keys.json"), masterKey);
    String operatorSeed = new String(vault.getOrCreate("operator", NKey.Type.OPERATOR).getSeed());
    String accountSeed = new String(vault.getOrCreate("account.a", NKey.Type.ACCOUNT).getSeed());

    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(file);
        assertThat(content).doesNotContain(operatorSeed).doesNotContain(accountSeed);
      }
    }
    assertThat(
            Files.readString(dir.resolve("keys.json"))
                + Files.readString(dir.resolve("keys.json.journal")))
        .contains(KeyVault.publicKeyOf(NKey.fromSeed(accountSeed.toCharArray())));
  }

  @Test
  void generatedMasterKeyFileIsOwnerOnly() throws Exception {
    MasterKey.fromFile(dir.resolve("master.key"), true);

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master.key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void reopeningWithTheSameKeyGivesTheSameSeeds() {
    String masterKey = MasterKey.generateBase64();
    KeyVault first =
        KeyVault.open(dir.resolve("keys.json"), MasterKey.fromBase64(masterKey, "test"));
    NKey created = first.getOrCreate("operator", NKey.Type.OPERATOR);

    KeyVault second =
        KeyVault.open(dir.resolve("keys.json"), MasterKey.fromBase64(masterKey, "test"));

    assertThat(second.find("operator")).contains(created);
  }

  @Test
  void wrongMasterKeyIsReportedClearly() {
    KeyVault vault =
        KeyVault.open(
            dir.resolve("keys.json"), MasterKey.fromBase64(MasterKey.generateBase64(), "first"));
    vault.getOrCreate("operator", NKey.Type.OPERATOR);

    assertThatThrownBy(
            () ->
                KeyVault.open(
                    dir.resolve("keys.json"),
                    MasterKey.fromBase64(MasterKey.generateBase64(), "GAMINGAPI_MASTER_KEY")))
        .isInstanceOf(WrongMasterKeyException.class)
        .hasMessageContaining("GAMINGAPI_MASTER_KEY")
        .hasMessageContaining("not the key the vault was written with");
  }

  @Test
  void missingMasterKeyFileIsNotSilentlyRegenerated() {
    assertThatThrownBy(() -> MasterKey.fromFile(dir.resolve("master.key"), false))
        .isInstanceOf(KeyVaultException.class)
        .hasMessageContaining("master.key is missing");
  }
}
