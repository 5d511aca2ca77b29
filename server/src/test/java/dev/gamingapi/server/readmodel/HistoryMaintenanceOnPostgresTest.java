package dev.gamingapi.server.readmodel;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link HistoryMaintenanceTest} with the read models in PostgreSQL, a fresh database of its own
 * (skipped without GAMINGAPI_TEST_DATABASE_URL).
 */
class HistoryMaintenanceOnPostgresTest extends HistoryMaintenanceTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
