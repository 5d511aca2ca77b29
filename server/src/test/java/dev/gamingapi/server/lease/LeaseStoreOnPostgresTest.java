package dev.gamingapi.server.lease;

import dev.gamingapi.server.store.TestDatabase;

/** {@link LeaseStoreTest} on PostgreSQL. */
class LeaseStoreOnPostgresTest extends LeaseStoreTest {
  @Override
  TestDatabase testDatabase() {
    return TestDatabase.postgres();
  }
}
