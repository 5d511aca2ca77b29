package dev.gamingapi.server.commands;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link CommandsApiTest} with the control plane in PostgreSQL (skipped without
 * GAMINGAPI_TEST_DATABASE_URL).
 */
class CommandsApiOnPostgresTest extends CommandsApiTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
