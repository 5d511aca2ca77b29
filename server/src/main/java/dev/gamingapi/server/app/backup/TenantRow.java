package dev.gamingapi.server.app.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant as a database copy holds it: what a backup needs to reach its streams and a restore to
 * hand its account JWT to the new broker.
 *
 * @param name the account name
 * @param publicKey the account's public key
 * @param jwt the account JWT last built from the database
 */
record TenantRow(String name, String publicKey, String jwt) {
  /** Every tenant seen by {@code connection}, by name. */
  static List<TenantRow> all(Connection connection) throws SQLException {
    List<TenantRow> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT name, public_key, jwt FROM accounts ORDER BY name")) {
      while (rs.next()) {
        rows.add(new TenantRow(rs.getString(1), rs.getString(2), rs.getString(3)));
      }
    }
    return rows;
  }
}
