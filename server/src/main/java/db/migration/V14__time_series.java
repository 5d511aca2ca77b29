package db.migration;

import dev.gamingapi.server.store.Database;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The time-series model (docs/history.md#time-series): per server and minute the events, the
 * players online at the end of the minute and the peak; per player and ten minutes the events. Both
 * are written by every batch, so on PostgreSQL they get what V9 and V12 gave the other per-batch
 * tables: no foreign key to {@code accounts} (the account-deletion trigger deletes them instead)
 * and identifiers in byte order. On SQLite they cascade with their account like the others. A Java
 * migration because the two databases need different statements.
 */
public class V14__time_series extends BaseJavaMigration {
  /** The tables of the time-series model. */
  static final List<String> TABLES = List.of("rm_ts_servers", "rm_ts_players");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres = Database.Dialect.of(connection) == Database.Dialect.POSTGRESQL;
    String account =
        postgres
            ? "account VARCHAR(63) COLLATE \"C\" NOT NULL"
            : "account VARCHAR(63) NOT NULL REFERENCES accounts (name) ON DELETE CASCADE";
    String id = postgres ? " COLLATE \"C\"" : "";
    try (Statement statement = connection.createStatement()) {
      // epoch_minute: minutes since 1970 of the events' own times (ce-time), UTC.
      statement.execute(
          "CREATE TABLE rm_ts_servers ("
              + account
              + ", server VARCHAR(64)"
              + id
              + " NOT NULL, epoch_minute BIGINT NOT NULL, events BIGINT NOT NULL,"
              + " players_online INTEGER NOT NULL, peak_players INTEGER NOT NULL,"
              + " PRIMARY KEY (account, server, epoch_minute))");
      // The tenant's events per minute over all its servers, and the retention's deletes.
      statement.execute(
          "CREATE INDEX rm_ts_servers_minute ON rm_ts_servers (account, epoch_minute)");
      // epoch_minute: the first minute of the player's ten-minute bucket.
      statement.execute(
          "CREATE TABLE rm_ts_players ("
              + account
              + ", player VARCHAR(64)"
              + id
              + " NOT NULL, epoch_minute BIGINT NOT NULL, events BIGINT NOT NULL,"
              + " PRIMARY KEY (account, player, epoch_minute))");
      if (postgres) {
        // V9's trigger function again, with these tables too.
        V9__read_model_rows_without_foreign_keys.replaceDeleteFunction(statement, TABLES);
      }
    }
  }
}
