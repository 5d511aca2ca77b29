package dev.gamingapi.server.http;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link CommandsApiTest} with the control plane in PostgreSQL (skipped without
 * GAMINGAPI_TEST_DATABASE_URL).
 */
class CommandsApiOnPostgresTest extends CommandsApiTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
