package dev.gamingapi.server.http;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link AccountsApiTest} with the control plane in PostgreSQL, a fresh database of its own
 * (skipped without GAMINGAPI_TEST_DATABASE_URL).
 */
class AccountsApiOnPostgresTest extends AccountsApiTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
