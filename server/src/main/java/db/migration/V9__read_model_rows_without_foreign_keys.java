package db.migration;

import dev.gamingapi.server.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the read-model tables written once or more per event lose their foreign key to
 * {@code accounts}: checking it costs PostgreSQL as much as the insert itself (measured: 3.7 us a
 * row without, 6.3 us with), and the rows are a cache of the log that only the platform writes.
 * Deleting an account still deletes them, by a trigger instead of {@code ON DELETE CASCADE}. On
 * SQLite (where the check is a cheap lookup in the same process, and a constraint cannot be dropped
 * without copying the table) nothing changes. A Java migration because the two databases need
 * different statements.
 */
public class V9__read_model_rows_without_foreign_keys extends BaseJavaMigration {
  /** The tables written per event or per player of a batch. */
  static final List<String> TABLES =
      List.of(
          "rm_applied_ids",
          "rm_board_entries",
          "rm_players",
          "rm_player_names",
          "rm_player_servers",
          "rm_player_stats",
          "rm_sessions");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (Database.Dialect.of(connection) != Database.Dialect.POSTGRESQL) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute(
            "ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " + table + "_account_fkey");
      }
      replaceDeleteFunction(statement, List.of());
      statement.execute(
          "CREATE TRIGGER accounts_delete_read_model_rows AFTER DELETE ON accounts"
              + " FOR EACH ROW EXECUTE FUNCTION rm_delete_account_rows()");
    }
  }

  /**
   * (Re)defines the trigger function that deletes an account's rows from {@link #TABLES} and {@code
   * more}: each later migration adding such a table (without a foreign key, on PostgreSQL) calls it
   * with every table added since.
   */
  static void replaceDeleteFunction(Statement statement, List<String> more) throws SQLException {
    StringBuilder deletes = new StringBuilder();
    for (String table : Stream.concat(TABLES.stream(), more.stream()).toList()) {
      deletes.append("  DELETE FROM ").append(table).append(" WHERE account = OLD.name;\n");
    }
    statement.execute(
        "CREATE OR REPLACE FUNCTION rm_delete_account_rows() RETURNS trigger"
            + " LANGUAGE plpgsql AS $$\n"
            + "BEGIN\n"
            + deletes
            + "  RETURN OLD;\n"
            + "END\n"
            + "$$");
  }
}
