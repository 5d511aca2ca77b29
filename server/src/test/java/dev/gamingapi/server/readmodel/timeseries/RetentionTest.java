package dev.gamingapi.server.readmodel.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.store.BatchSql;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The time series keep {@link Retention#DAYS} days back from the newest event applied: older
 * buckets go, of this tenant only, at most once per hour of event time, and again as a replay of
 * the log (time going back) moves forward.
 */
class RetentionTest {
  private static final long DAY = 24 * 60;
  private static final long NOW = 29_000_040; // an epoch minute in 2025, on an hour

  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void keepsEightDaysBackFromTheNewestEventOncePerHour(String kind) {
    try (TestDatabase test = TestDatabase.of(kind);
        Database database = Database.open(test.url(), dataDir)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(
          h -> {
            for (String account : List.of("acme", "other")) {
              TestDatabase.insertAccount(h, account);
              for (long minute : List.of(NOW - 9 * DAY, NOW - 8 * DAY - 1, NOW - 8 * DAY, NOW)) {
                h.execute("INSERT INTO rm_ts_servers VALUES (?, 's', ?, 1, 0, 0)", account, minute);
                h.execute("INSERT INTO rm_ts_players VALUES (?, 'p', ?, 1)", account, minute);
              }
            }
          });
      Retention retention = new Retention();

      prune(jdbi, retention, NOW);
      assertThat(minutes(jdbi, "rm_ts_servers", "acme")).containsExactly(NOW - 8 * DAY, NOW);
      assertThat(minutes(jdbi, "rm_ts_players", "acme")).containsExactly(NOW - 8 * DAY, NOW);
      assertThat(minutes(jdbi, "rm_ts_servers", "other")).hasSize(4);

      // Within the same hour nothing is deleted again; the next hour prunes.
      insertOld(jdbi, NOW + 59 - 8 * DAY - 1);
      prune(jdbi, retention, NOW + 59);
      assertThat(minutes(jdbi, "rm_ts_servers", "acme")).contains(NOW + 58 - 8 * DAY);
      prune(jdbi, retention, NOW + 60);
      assertThat(minutes(jdbi, "rm_ts_servers", "acme")).containsExactly(NOW);

      // A replay from the log's start (a rebuild): time goes back, then prunes as it advances.
      insertOld(jdbi, NOW - 20 * DAY);
      prune(jdbi, retention, NOW - 10 * DAY);
      assertThat(minutes(jdbi, "rm_ts_servers", "acme")).contains(NOW - 20 * DAY);
      prune(jdbi, retention, NOW - 10 * DAY + 60);
      assertThat(minutes(jdbi, "rm_ts_servers", "acme")).containsExactly(NOW);
    }
  }

  private static void prune(Jdbi jdbi, Retention retention, long newest) {
    Runnable committed = jdbi.inTransaction(h -> retention.prune(new BatchSql(h), "acme", newest));
    committed.run();
  }

  private static void insertOld(Jdbi jdbi, long minute) {
    jdbi.useHandle(
        h -> h.execute("INSERT INTO rm_ts_servers VALUES ('acme', 's', ?, 1, 0, 0)", minute));
  }

  private static List<Long> minutes(Jdbi jdbi, String table, String account) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT epoch_minute FROM "
                        + table
                        + " WHERE account = :a ORDER BY epoch_minute")
                .bind("a", account)
                .mapTo(Long.class)
                .list());
  }
}
