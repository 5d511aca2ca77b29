package dev.gamingapi.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BatchSql#insertNew}, the record of applied event ids, on both databases: it answers the
 * rows whose key was new, and on PostgreSQL, where a key already there makes its fast plain insert
 * fail, the batch's transaction goes on after it as if nothing had failed.
 */
class BatchSqlInsertNewTest {
  private static final String ACCOUNT = "acme";

  @TempDir Path dataDir;

  record Id(String key, long seq) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void answersTheNewKeysAndLeavesTheTransactionUsable(String kind) {
    try (TestDatabase test = TestDatabase.of(kind);
        Database database = Database.open(test.url(), dataDir)) {
      Jdbi jdbi = database.jdbi();
      jdbi.useHandle(h -> TestDatabase.insertAccount(h, ACCOUNT));

      // All new (PostgreSQL's plain insert): every row comes back, in order.
      assertThat(record(jdbi, List.of(new Id("a", 1), new Id("b", 2))))
          .extracting(Id::key)
          .containsExactly("a", "b");

      // b was there and c is repeated in the batch: the new ones once each, the first c counting,
      // and the transaction, in which PostgreSQL's plain insert failed, commits what follows.
      List<Id> fresh =
          jdbi.inTransaction(
              h -> {
                List<Id> inserted =
                    insertNew(h, List.of(new Id("c", 3), new Id("b", 4), new Id("c", 5)));
                insertNew(h, List.of(new Id("d", 6)));
                return inserted;
              });
      assertThat(fresh).containsExactly(new Id("c", 3));
      List<String> stored =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT event_id || '@' || stream_seq FROM rm_applied_ids"
                              + " WHERE account = :account ORDER BY event_id")
                      .bind("account", ACCOUNT)
                      .mapTo(String.class)
                      .list());
      assertThat(stored).containsExactly("a@1", "b@2", "c@3", "d@6");

      // Nothing new at all.
      assertThat(record(jdbi, List.of(new Id("a", 7), new Id("d", 8)))).isEmpty();
    }
  }

  private static List<Id> record(Jdbi jdbi, List<Id> ids) {
    return jdbi.inTransaction(h -> insertNew(h, ids));
  }

  private static List<Id> insertNew(org.jdbi.v3.core.Handle handle, List<Id> ids) {
    return new BatchSql(handle)
        .insertNew(
            "rm_applied_ids",
            List.of("account", "event_id", "stream_seq"),
            ACCOUNT,
            ids,
            Id::key,
            Id::seq);
  }
}
