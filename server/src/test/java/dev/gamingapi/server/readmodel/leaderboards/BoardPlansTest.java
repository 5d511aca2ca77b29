package dev.gamingapi.server.readmodel.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.server.store.BatchSql;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which index the leaderboards' statements take, on a new installation: tables with rows but no
 * statistics yet (PostgreSQL's autovacuum analyzes them only a minute or so later). A batch's
 * lookup of players must go through the primary key; on PostgreSQL it once took the rank index,
 * which holds the same columns, and walked the whole board period per player. Reads in rank order
 * must take the rank index.
 */
class BoardPlansTest {
  @TempDir Path dataDir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SQLite", "PostgreSQL"})
  void lookupsTakeThePrimaryKeyAndRankReadsTheRankIndex(String kind) throws SQLException {
    try (TestDatabase test = TestDatabase.of(kind);
        Database database = Database.open(test.url(), dataDir);
        Handle handle = database.jdbi().open()) {
      Connection connection = handle.getConnection();
      boolean postgres = database.dialect() == Database.Dialect.POSTGRESQL;
      TestDatabase.insertAccount(handle, "default");
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO rm_board_entries VALUES ('default', 'kills', 'all', ?, ?, ?, ?)")) {
        for (int i = 0; i < 3_000; i++) {
          insert.setString(1, "p" + i);
          insert.setDouble(2, i % 97);
          insert.setDouble(3, 0.0 - i % 97);
          insert.setLong(4, i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      List<Object> scope = List.of("default", "kills", "all");

      String lookup =
          postgres
              ? plan(
                  connection,
                  BatchSql.perId(BoardBatch.LOAD),
                  connection.createArrayOf("varchar", new String[] {"p1", "p2", "x"}),
                  scope)
              : plan(connection, BoardBatch.LOAD.formatted("?, ?, ?"), null, scope, "p1", "p2");
      assertThat(lookup).contains(postgres ? "rm_board_entries_pkey" : "sqlite_autoindex");
      assertThat(lookup).doesNotContain("rm_board_entries_rank");

      // The first page, and the players before one (the around query), as BoardQueries reads them.
      for (String order :
          List.of(
              " ORDER BY rank_score, reached_seq, player LIMIT 100",
              " AND (rank_score, reached_seq, player) < (-5, 100, 'p100')"
                  + " ORDER BY rank_score DESC, reached_seq DESC, player DESC LIMIT 10")) {
        String read =
            plan(
                connection,
                "SELECT rank_score, reached_seq, player FROM rm_board_entries"
                    + " WHERE account = ? AND board = ? AND period = ?"
                    + RankKey.RANKED
                    + order,
                null,
                scope);
        assertThat(read).as(order).contains("rm_board_entries_rank");
      }
    }
  }

  // The plan of sql as the database explains it, one line per row; first (when not null), then
  // the rest, are its parameters.
  private static String plan(
      Connection connection, String sql, Object first, List<Object> rest, Object... more)
      throws SQLException {
    boolean postgres = connection.getMetaData().getURL().startsWith("jdbc:postgresql");
    List<Object> parameters = new ArrayList<>();
    if (first != null) {
      parameters.add(first);
    }
    parameters.addAll(rest);
    parameters.addAll(List.of(more));
    try (PreparedStatement explain =
        connection.prepareStatement((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        explain.setObject(i + 1, parameters.get(i));
      }
      StringBuilder lines = new StringBuilder();
      try (ResultSet rs = explain.executeQuery()) {
        while (rs.next()) {
          lines.append(rs.getString(postgres ? 1 : 4)).append('\n');
        }
      }
      return lines.toString();
    }
  }
}
