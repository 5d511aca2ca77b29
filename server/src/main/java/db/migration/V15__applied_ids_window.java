package db.migration;

import dev.gamingapi.server.store.Database;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The ids of applied events are kept for a window, not forever (docs/history.md, repeated events):
 * the tenant's event retention plus the longest an SDK journal may hold an event. {@code
 * rm_applied_marks} notes, at most once per hour of the log's own clock (the broker's store time)
 * per tenant, the newest store time and the stream sequence a batch reached; the ids whose first
 * copy is at or below the sequence of a mark older than the window are deleted through the new
 * index on the stream sequence. Ids applied before this migration have no mark yet: they go one
 * window after it. On PostgreSQL the marks get what V9, V12 and V14 gave the read-model tables (the
 * account in byte order, deleted with it by the trigger); on SQLite they cascade with it. A Java
 * migration because the two databases need different statements.
 */
public class V15__applied_ids_window extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres = Database.Dialect.of(connection) == Database.Dialect.POSTGRESQL;
    String account =
        postgres
            ? "account VARCHAR(63) COLLATE \"C\" NOT NULL"
            : "account VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE";
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX rm_applied_ids_seq ON rm_applied_ids (account, stream_seq)");
      statement.execute(
          "CREATE TABLE rm_applied_marks ("
              + account
              + ", stored_ms BIGINT NOT NULL, stream_seq BIGINT NOT NULL,"
              + " PRIMARY KEY (account, stored_ms))");
      if (postgres) {
        List<String> tables = new ArrayList<>(V14__time_series.TABLES);
        tables.add("rm_applied_marks");
        V9__read_model_rows_without_foreign_keys.replaceDeleteFunction(statement, tables);
      }
    }
  }
}
