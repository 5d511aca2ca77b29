package dev.gamingapi.server.commands;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link CommandTypesTest} with the control plane in PostgreSQL (skipped without
 * GAMINGAPI_TEST_DATABASE_URL).
 */
class CommandTypesOnPostgresTest extends CommandTypesTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
