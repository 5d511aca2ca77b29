package dev.gamingapi.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.keys.KeyVault.StoredKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault file appends a change instead of rewriting every entry (which made each tenant's
 * creation slower than the last), and loses nothing across reopening, compaction and a crash.
 */
class VaultFileTest {
  @TempDir Path dir;

  @Test
  void aChangeAppendsALineAndLeavesTheSnapshotAlone() throws Exception {
    Path file = dir.resolve("keys.json");
    VaultFile vault = new VaultFile(file, 100);
    vault.putIfAbsent("first", key(0)); // the first change writes keys.json: it marks a vault
    String snapshot = Files.readString(file);

    for (int i = 1; i <= 20; i++) {
      vault.putIfAbsent("key-" + i, key(i));
    }
    vault.remove("key-3");

    assertThat(Files.readString(file)).as("not rewritten per change").isEqualTo(snapshot);
    assertThat(Files.readAllLines(VaultFile.journalOf(file))).hasSize(21);
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(VaultFile.journalOf(file))))
        .isEqualTo("rw-------");
    VaultFile reopened = new VaultFile(file, 100);
    assertThat(reopened.names()).hasSize(20).contains("first", "key-20").doesNotContain("key-3");
    assertThat(reopened.read("key-7")).contains(key(7));
  }

  @Test
  void compactionFoldsTheJournalIntoTheSnapshot() throws Exception {
    Path file = dir.resolve("keys.json");
    VaultFile vault = new VaultFile(file, 10);
    for (int i = 0; i < 25; i++) {
      vault.putIfAbsent("key-" + i, key(i));
    }
    vault.remove("key-0");

    // keys.json at the first key, then 10 lines (11 entries), then 11 lines (22 entries): 4 left.
    assertThat(Files.readAllLines(VaultFile.journalOf(file))).hasSize(4);
    assertThat(new VaultFile(file, 10).names()).hasSize(24).doesNotContain("key-0");
  }

  @Test
  void aLastLineCutByACrashIsIgnoredAndTheRestKept() throws Exception {
    Path file = dir.resolve("keys.json");
    VaultFile vault = new VaultFile(file, 100);
    vault.putIfAbsent("kept", key(1));
    vault.putIfAbsent("also-kept", key(2));
    Files.writeString(
        VaultFile.journalOf(file),
        "{\"name\":\"cut\",\"publicKey\":\"A",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    VaultFile reopened = new VaultFile(file, 100);
    assertThat(reopened.names()).containsExactlyInAnyOrder("kept", "also-kept");
  }

  @Test
  void aJournalCopiedBeforeACompactionAndTheSnapshotAfterLoseNothing() throws Exception {
    // What a backup of a running platform sees, copying in copyOrder's order.
    Path file = dir.resolve("keys.json");
    VaultFile vault = new VaultFile(file, 5);
    for (int i = 0; i < 5; i++) {
      vault.putIfAbsent("key-" + i, key(i)); // the first writes keys.json, four lines follow
    }
    Path copy = Files.createDirectories(dir.resolve("copy"));
    Files.copy(VaultFile.journalOf(file), copy.resolve("keys.json.journal"));
    vault.putIfAbsent("key-5", key(5)); // the fifth line: compacts, the journal is emptied
    assertThat(Files.readAllLines(VaultFile.journalOf(file))).isEmpty();
    Files.copy(file, copy.resolve("keys.json"));

    assertThat(new VaultFile(copy.resolve("keys.json"), 5).names()).hasSize(6);
  }

  private static StoredKey key(int i) {
    return new StoredKey("PUBLIC-" + i, "SEALED-" + i);
  }
}
