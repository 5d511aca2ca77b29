package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.server.store.TestDatabase;

/**
 * {@link LeaderboardApiTest} with the read models in PostgreSQL, a fresh database of its own
 * (skipped without GAMINGAPI_TEST_DATABASE_URL).
 */
class LeaderboardApiOnPostgresTest extends LeaderboardApiTest {
  @Override
  protected TestDatabase database() {
    return TestDatabase.postgres();
  }
}
