package dev.gamingapi.server.commands;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link CommandsDeliveryTest} with the control plane in PostgreSQL (skipped without
 * GAMINGAPI_TEST_DATABASE_URL).
 */
class CommandsDeliveryOnPostgresTest extends CommandsDeliveryTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
