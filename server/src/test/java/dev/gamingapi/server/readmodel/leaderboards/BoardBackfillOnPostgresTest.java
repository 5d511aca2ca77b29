package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.server.store.TestDatabase;

/** {@link BoardBackfillTest} on PostgreSQL. */
class BoardBackfillOnPostgresTest extends BoardBackfillTest {
  @Override
  TestDatabase database() {
    return TestDatabase.postgres();
  }
}
