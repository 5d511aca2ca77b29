package dev.gamingapi.server.readmodel;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link HistoryApiTest} with the read models in PostgreSQL, a fresh database of its own (skipped
 * without GAMINGAPI_TEST_DATABASE_URL).
 */
class HistoryApiOnPostgresTest extends HistoryApiTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
