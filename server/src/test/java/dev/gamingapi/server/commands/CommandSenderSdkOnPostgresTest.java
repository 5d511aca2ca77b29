package dev.gamingapi.server.commands;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link CommandSenderSdkTest} with the control plane in PostgreSQL (skipped without
 * GAMINGAPI_TEST_DATABASE_URL).
 */
class CommandSenderSdkOnPostgresTest extends CommandSenderSdkTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
