package dev.gamingapi.server.access;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link AccessApiTest} with the control plane in PostgreSQL, a fresh database of its own (skipped
 * without GAMINGAPI_TEST_DATABASE_URL).
 */
class AccessApiOnPostgresTest extends AccessApiTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
