package dev.gamingapi.server.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Plain JDBC for the read models' batch path, on the connection of the batch's transaction. Jdbi's
 * per-statement machinery (binding by name, argument factories, contexts) cost more than the
 * database itself when a batch reads and writes thousands of rows; here a batch costs one query per
 * table to load (ids in chunks of {@link #CHUNK}) and one JDBC batch per table to write.
 */
public final class BatchSql {
  /** Ids per {@code IN (...)} list: well under both databases' parameter limits. */
  public static final int CHUNK = 500;

  private final Connection connection;
  private final boolean postgres;

  /** SQL on the connection of {@code handle}'s transaction. */
  public BatchSql(Handle handle) {
    this.connection = handle.getConnection();
    this.postgres = Database.Dialect.of(connection) == Database.Dialect.POSTGRESQL;
  }

  /** Reads one row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Writes one row's parameters. */
  @FunctionalInterface
  public interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  /**
   * The rows of {@code sql} whose last condition is {@code IN (%s)} over {@code ids} (on SQLite in
   * chunks, on PostgreSQL one lookup per id of an array); the leading parameters are {@code
   * leading}.
   */
  public <T> List<T> in(String sql, List<Object> leading, Collection<String> ids, Row<T> row) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (postgres) {
      // One array parameter (PostgreSQL plans a list of hundreds of parameters on every call),
      // each id looked up on its own through the index: with "= ANY (?)" the planner may read a
      // whole board period and filter it (it did, under a generic plan or fresh statistics).
      // OFFSET 0 keeps the lateral subquery from being flattened into a join, which the planner
      // then made a hash join over every row of the tenant (10 ms a batch for a few thousand
      // player stats, seen with pg_stat_statements; it grows with the tenant): a nested loop of
      // index lookups costs a few microseconds per id whatever the tenant's size.
      try {
        List<Object> parameters = new ArrayList<>();
        parameters.add(connection.createArrayOf("varchar", ids.toArray()));
        parameters.addAll(leading);
        return query(perId(sql), parameters, row);
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }
    List<T> rows = new ArrayList<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement statement = connection.prepareStatement(sql.formatted(marks))) {
        int i = 1;
        for (Object value : leading) {
          statement.setObject(i++, value);
        }
        for (String id : chunk) {
          statement.setString(i++, id);
        }
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            rows.add(row.read(rs));
          }
        }
      } catch (SQLException e) {
        throw new SqlFailure(e);
      }
    }
    return rows;
  }

  /**
   * The PostgreSQL statement {@link #in} runs for {@code sql}: its first parameter is the array of
   * ids, then come {@code sql}'s leading ones.
   */
  public static String perId(String sql) {
    return "SELECT found.* FROM unnest(?) AS wanted(id) CROSS JOIN LATERAL ("
        + sql.replace("IN (%s)", "= wanted.id")
        + " OFFSET 0) found";
  }

  /** The rows of {@code sql} with {@code parameters}. */
  public <T> List<T> query(String sql, List<Object> parameters, Row<T> row) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      for (Object value : parameters) {
        statement.setObject(i++, value);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** Runs {@code sql} once per row of {@code rows}, as one JDBC batch. */
  public <T> void batch(String sql, Collection<T> rows, Binder<T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /**
   * Records the keys of {@code rows} in a table whose primary key they are, and returns the rows
   * whose key was not there before, in order (a key repeated in {@code rows} counts the first
   * time). {@code table} and {@code columns} name the table and its columns; {@code key} gives a
   * row's key (the second column), {@code values} its columns after the first two (BIGINT), and
   * {@code first} is the first column's value for every row (the account).
   *
   * <p>On SQLite one JDBC batch of {@code INSERT ... ON CONFLICT DO NOTHING} whose update counts
   * say which rows went in. On PostgreSQL (whose batches are rewritten into multi-row inserts
   * without counts) a plain insert of every key from arrays ({@code unnest}) in a savepoint, and
   * only when a key was there already, instead, {@code INSERT ... SELECT FROM unnest(...) WHERE NOT
   * EXISTS (...) RETURNING} key: a lookup per key, then a plain insert, a fifth cheaper than {@code
   * ON CONFLICT DO NOTHING}'s speculative insertion. The table's rows of {@code first} have one
   * writer, the tenant's, one batch at a time, behind its lease (checked first thing in every
   * batch's transaction, which then holds it until the commit): no key of them appears while a
   * batch runs.
   */
  public <T> List<T> insertNew(
      String table,
      List<String> columns,
      String first,
      List<T> rows,
      Function<T, String> key,
      Function<T, Long> value) {
    Map<String, T> unique = new LinkedHashMap<>();
    for (T row : rows) {
      unique.putIfAbsent(key.apply(row), row);
    }
    if (unique.isEmpty()) {
      return List.of();
    }
    String insertInto = "INSERT INTO " + table + " (" + String.join(", ", columns) + ")";
    try {
      if (postgres) {
        return insertNewPostgres(insertInto, table, columns, first, unique, value);
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              insertInto
                  + " VALUES (?, ?, ?) ON CONFLICT ("
                  + columns.get(0)
                  + ", "
                  + columns.get(1)
                  + ") DO NOTHING")) {
        for (Map.Entry<String, T> entry : unique.entrySet()) {
          statement.setString(1, first);
          statement.setString(2, entry.getKey());
          statement.setLong(3, value.apply(entry.getValue()));
          statement.addBatch();
        }
        int[] counts = statement.executeBatch();
        List<T> inserted = new ArrayList<>(unique.size());
        int i = 0;
        for (T row : unique.values()) {
          if (counts[i] == 1) {
            inserted.add(row);
          } else if (counts[i] != 0) {
            throw new IllegalStateException("insert count " + counts[i] + " where 0 or 1 was due");
          }
          i++;
        }
        return inserted;
      }
    } catch (SQLException e) {
      throw new SqlFailure(e);
    }
  }

  /** The SQLSTATE of a unique constraint violated. */
  private static final String UNIQUE_VIOLATION = "23505";

  // PostgreSQL's side of insertNew. Nearly always every key is new: a plain insert of them all,
  // inside a savepoint, costs 40 % less on the server than one that looks each key up first
  // (300,000 ids in batches of 5,000: 0.55 against 0.91 s in psql) and sends nothing back. When a
  // key was there (an event stored twice in the log), the insert fails, is rolled back to the
  // savepoint, and the insert that skips the keys already there says which went in.
  private <T> List<T> insertNewPostgres(
      String insertInto,
      String table,
      List<String> columns,
      String first,
      Map<String, T> unique,
      Function<T, Long> value)
      throws SQLException {
    Array keys = connection.createArrayOf("varchar", unique.keySet().toArray());
    Array values =
        connection.createArrayOf(
            "bigint", unique.values().stream().map(value).toArray(Long[]::new));
    Savepoint before = connection.setSavepoint();
    try (PreparedStatement statement =
        connection.prepareStatement(insertInto + " SELECT ?, k, v FROM unnest(?, ?) AS t(k, v)")) {
      statement.setString(1, first);
      statement.setArray(2, keys);
      statement.setArray(3, values);
      statement.executeUpdate();
      connection.releaseSavepoint(before);
      return new ArrayList<>(unique.values());
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      connection.rollback(before);
    }
    List<String> inserted =
        query(
            insertInto
                + " SELECT ?, k, v FROM unnest(?, ?) AS t(k, v) WHERE NOT EXISTS (SELECT 1"
                + " FROM "
                + table
                + " WHERE "
                + columns.get(0)
                + " = ? AND "
                + columns.get(1)
                + " = t.k OFFSET 0)"
                + " RETURNING "
                + columns.get(1),
            List.of(first, keys, values, first),
            rs -> rs.getString(1));
    Set<String> fresh = new HashSet<>(inserted);
    return unique.entrySet().stream()
        .filter(entry -> fresh.contains(entry.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Sets a nullable BIGINT. */
  public static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /** Sets a nullable INTEGER. */
  public static void setInt(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  /** Sets a nullable text. */
  public static void setString(PreparedStatement statement, int index, String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }

  /** A nullable BIGINT (SQLite's getObject fails on NULL for Long, getLong answers 0). */
  public static Long getLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** A nullable INTEGER. */
  public static Integer getInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /** An SQL failure inside a batch: the batch's transaction rolls back (and retries alone). */
  public static final class SqlFailure extends RuntimeException {
    SqlFailure(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
