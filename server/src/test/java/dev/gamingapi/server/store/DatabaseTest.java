package dev.gamingapi.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Opening, migrating and reopening the control plane's database, and failing to. */
class DatabaseTest {
  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void migratesOnFirstOpenOnlyAndKeepsRowsAcrossOpens(String kind) {
    try (TestDatabase test = TestDatabase.of(kind)) {
      try (Database database = Database.open(test.url(), dataDir)) {
        assertThat(database.dialect())
            .isEqualTo(
                kind.equals("SQLite") ? Database.Dialect.SQLITE : Database.Dialect.POSTGRESQL);
        assertThat(database.isUp()).isTrue();
        assertThat(migrations(database))
            .containsExactly(
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
        database
            .jdbi()
            .useHandle(h -> h.execute("INSERT INTO settings (name, value) VALUES ('probe', 'x')"));
        // The identity column numbers rows on its own, in both dialects.
        database
            .jdbi()
            .useHandle(
                h ->
                    h.execute(
                        "INSERT INTO audit (at, actor, action, detail) VALUES (1, 'a', 'b', '{}')"));
      }
      try (Database again = Database.open(test.url(), dataDir)) {
        // A second open finds the schema up to date: no migration runs twice, the rows stay.
        assertThat(migrations(again))
            .containsExactly(
                "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15");
        assertThat(one(again, "SELECT value FROM settings WHERE name = 'probe'", String.class))
            .isEqualTo("x");
        assertThat(one(again, "SELECT id FROM audit", Long.class)).isEqualTo(1L);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void deletingAnAccountDeletesItsReadModelRowsAndNoOthers(String kind) {
    // On PostgreSQL the busiest read-model tables have no foreign key (V9, V14, V15) but a
    // trigger.
    List<String> rows =
        List.of(
            "INSERT INTO rm_applied_ids VALUES ('%s', 'e1', 1)",
            "INSERT INTO rm_board_entries VALUES ('%s', 'b', 'all', 'p1', 1, -1, 1)",
            "INSERT INTO rm_players VALUES ('%s', 'p1', 'Ann', 1, 1, 0, 0, 0, 0, 0)",
            "INSERT INTO rm_player_names VALUES ('%s', 'p1', 'Ann', 1, 1)",
            "INSERT INTO rm_player_servers VALUES ('%s', 'p1', 's1', 1, 1)",
            "INSERT INTO rm_player_stats VALUES ('%s', 'p1', 'goals', 1)",
            "INSERT INTO rm_sessions VALUES ('%s', 's1', 'p1', 1)",
            "INSERT INTO rm_ts_servers VALUES ('%s', 's1', 1, 1, 1, 1)",
            "INSERT INTO rm_ts_players VALUES ('%s', 'p1', 1, 1)",
            "INSERT INTO rm_applied_marks VALUES ('%s', 1, 1)");
    try (TestDatabase test = TestDatabase.of(kind);
        Database database = Database.open(test.url(), dataDir)) {
      database
          .jdbi()
          .useHandle(
              h -> {
                for (String account : List.of("gone", "kept")) {
                  TestDatabase.insertAccount(h, account);
                  rows.forEach(row -> h.execute(row.formatted(account)));
                }
                h.execute("DELETE FROM accounts WHERE name = 'gone'");
              });
      for (String row : rows) {
        String table = row.split(" ")[2];
        assertThat(
                one(
                    database,
                    "SELECT COUNT(*) FROM " + table + " WHERE account = 'gone'",
                    Long.class))
            .as(table)
            .isZero();
        assertThat(
                one(
                    database,
                    "SELECT COUNT(*) FROM " + table + " WHERE account = 'kept'",
                    Long.class))
            .as(table)
            .isOne();
      }
    }
  }

  @Test
  void readModelIdentifiersCompareByteByByteOnPostgres() {
    // V12: whatever the database's collation, the read models' keys are in byte order, as on
    // SQLite (names are not keys: they keep the database's collation).
    try (TestDatabase test = TestDatabase.postgres();
        Database database = Database.open(test.url(), dataDir)) {
      List<String> columns =
          database
              .jdbi()
              .withHandle(
                  h ->
                      h.select(
                              "SELECT table_name || '.' || column_name || ' '"
                                  + " || COALESCE(collation_name, 'default')"
                                  + " FROM information_schema.columns"
                                  + " WHERE table_name LIKE 'rm\\_%' AND column_name IN ('account',"
                                  + " 'event_id', 'server', 'player', 'board', 'period', 'name')"
                                  + " AND data_type = 'character varying'")
                          .mapTo(String.class)
                          .list());
      assertThat(columns)
          .contains(
              "rm_applied_ids.event_id C",
              "rm_applied_ids.account C",
              "rm_board_entries.period C",
              "rm_players.player C",
              "rm_sessions.server C",
              "rm_boards.name default")
          .filteredOn(column -> !column.contains(".name "))
          .allMatch(column -> column.endsWith(" C"));
    }
  }

  private static <T> T one(Database database, String sql, Class<T> type) {
    return database.jdbi().withHandle(h -> h.select(sql).mapTo(type).one());
  }

  private static List<String> migrations(Database database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.select(
                        "SELECT version FROM flyway_schema_history WHERE success"
                            + " AND version IS NOT NULL ORDER BY installed_rank")
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void anUnsupportedUrlIsRefusedWithoutItsPassword() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://db/x?user=u&password=hunter2", dataDir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("jdbc:mysql://db/x")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void anUnreachablePostgresqlIsAStoreExceptionNamingItWithoutThePassword() {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    String url = "jdbc:postgresql://127.0.0.1:1/control?user=gapi&password=hunter2";
    assertThatThrownBy(() -> Database.open(url, dataDir))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("127.0.0.1:1/control")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void aMissingPostgresqlDatabaseIsAStoreExceptionNamingIt() {
    try (TestDatabase test = TestDatabase.postgres()) {
      String other = test.url().replaceFirst("/t_[0-9a-f]+", "/no_such_db");
      String missing = other + (other.contains("?") ? "&" : "?") + "password=hunter2";
      assertThatThrownBy(() -> Database.open(missing, dataDir))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("no_such_db")
          .hasMessageNotContaining("hunter2");
    }
  }
}
