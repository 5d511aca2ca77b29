package dev.gamingapi.server.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The order of a backup, database first and streams after, is what lets the read models go on after
 * a restore: events that reach the stream between the database copy and the snapshots are in the
 * restored stream but not counted by the restored database, and are applied after the restore,
 * once. On SQLite and on PostgreSQL (pg_dump of an exported snapshot, pg_restore into an empty
 * database).
 */
class PlatformBackupTest {
  private static final int BEFORE = 50;
  private static final int BETWEEN = 20;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void eventsThatReachTheStreamAfterTheDatabaseCopyAreAppliedOnceAfterTheRestore(String kind)
      throws Exception {
    Path backup = dir.resolve("backup");
    try (TestDatabase source = TestDatabase.of(kind);
        TestDatabase target = TestDatabase.of(kind)) {
      Path masterKey;
      List<String> progress = new ArrayList<>();
      BackupManifest manifest;
      try (PlatformFixture old = PlatformFixture.start(dir.resolve("old"), source)) {
        Path demo = old.platform.connectionInfo().gameServerCreds().get("demo");
        publishKills(old, demo, BEFORE);
        awaitPosition(old, BEFORE);
        manifest =
            new PlatformBackup(old.dataDir, source.url(), null, old.brokerUrl(), "test")
                .run(
                    backup,
                    line -> {
                      progress.add(line);
                      if (line.startsWith("database")) {
                        // After the database copy, before the streams' snapshots.
                        publishKills(old, demo, BETWEEN);
                      }
                    });
        masterKey = old.dataDir.resolve("master.key");
      }
      assertThat(progress.get(0)).isEqualTo("database (" + kind.toLowerCase() + "): 1 tenant(s)");
      BackupManifest.Stream events = manifest.tenants().get(0).streams().get(0);
      assertThat(events.name()).isEqualTo("EVENTS");
      assertThat(events.lastSeq()).isEqualTo(BEFORE + BETWEEN);
      assertThat(manifest.tenants().get(0).readModelPosition())
          .as("the database copy counted the events before it")
          .isEqualTo(BEFORE);

      new PlatformRestore(dir.resolve("new"), target.url(), masterKey, null)
          .run(backup, line -> {});
      try (PlatformFixture fresh = PlatformFixture.start(dir.resolve("new"), target)) {
        awaitPosition(fresh, BEFORE + BETWEEN);
        assertThat(
                fresh
                    .operator
                    .get("/api/v1/accounts/default/players/p0")
                    .json()
                    .path("kills")
                    .asLong())
            .as("every kill counted once: the first %d from the database, the rest applied", BEFORE)
            .isEqualTo(BEFORE + BETWEEN);
      }
    }
  }

  private static void publishKills(PlatformFixture platform, Path creds, int count) {
    try (GameServerClient client =
        GameServerClient.builder()
            .url(platform.brokerUrl())
            .credentials(creds)
            .journalDir(creds.getParent().getParent().getParent().resolve("journal"))
            .build()) {
      for (int i = 0; i < count; i++) {
        client.publish(new PlayerKilled("p0", "victim", null, null, null));
      }
      client.flush(Duration.ofSeconds(30));
    }
  }

  private static void awaitPosition(PlatformFixture platform, long position) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                platform
                        .operator
                        .get("/api/v1/accounts/default/read-models")
                        .json()
                        .path("position")
                        .asLong()
                    >= position);
  }
}
