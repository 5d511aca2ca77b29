package dev.gamingapi.server.access;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link SharesAndRestartTest} with the control plane in PostgreSQL, a fresh database of its own
 * (skipped without GAMINGAPI_TEST_DATABASE_URL).
 */
class SharesAndRestartOnPostgresTest extends SharesAndRestartTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
