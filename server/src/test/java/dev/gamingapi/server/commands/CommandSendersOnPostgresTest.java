package dev.gamingapi.server.commands;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link CommandSendersTest} with the control plane in PostgreSQL (skipped without
 * GAMINGAPI_TEST_DATABASE_URL).
 */
class CommandSendersOnPostgresTest extends CommandSendersTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
