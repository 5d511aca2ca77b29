package dev.gamingapi.server.accounts;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link AccountsApiTest} with the control plane in PostgreSQL, a fresh database of its own
 * (skipped without GAMINGAPI_TEST_DATABASE_URL).
 */
class AccountsApiOnPostgresTest extends AccountsApiTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
