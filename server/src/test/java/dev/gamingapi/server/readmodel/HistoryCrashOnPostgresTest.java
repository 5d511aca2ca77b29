package dev.gamingapi.server.readmodel;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link HistoryCrashTest} with the read models in PostgreSQL, a fresh database of its own (skipped
 * without GAMINGAPI_TEST_DATABASE_URL).
 */
class HistoryCrashOnPostgresTest extends HistoryCrashTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
