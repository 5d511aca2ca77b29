package dev.gamingapi.server.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.PlatformFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform started with a new data directory on a PostgreSQL another data directory set up: its
 * key store lacks the accounts' keys, and the start fails saying so (it once failed with "No value
 * present").
 */
class ForeignDataDirOnPostgresTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void aDataDirectoryWithoutTheAccountsKeysIsRefusedWithAReadableReason() throws Exception {
    try (TestDatabase database = TestDatabase.postgres()) {
      try (PlatformFixture fixture = PlatformFixture.start(first, database)) {
        fixture.account("acme", "free");
      }
      assertThatThrownBy(() -> PlatformFixture.start(second, database).close())
          .hasStackTraceContaining("are not in this platform's key store")
          .hasStackTraceContaining("another data directory");
    }
  }
}
