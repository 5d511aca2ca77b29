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
 * @param position the stream sequence of {@code EVENTS} the read models applied up to (0: none)
 */
record TenantRow(String name, String publicKey, String jwt, long position) {
  /** Every tenant seen by {@code connection}, by name. */
  static List<TenantRow> all(Connection connection) throws SQLException {
    List<TenantRow> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT a.name, a.public_key, a.jwt, COALESCE(p.stream_seq, 0) FROM accounts a"
                    + " LEFT JOIN rm_positions p ON p.account = a.name ORDER BY a.name")) {
      while (rs.next()) {
        rows.add(new TenantRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
      }
    }
    return rows;
  }
}
