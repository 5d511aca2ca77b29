package dev.gamingapi.server.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database for one test: SQLite in the platform's data directory, or a PostgreSQL database of its
 * own, created on the server named by {@code GAMINGAPI_TEST_DATABASE_URL} and dropped on close, so
 * that tests never see each other's rows.
 */
public final class TestDatabase implements AutoCloseable {
  /** The variable {@code ./run-tests} sets to its throwaway PostgreSQL cluster. */
  public static final String ENV = "GAMINGAPI_TEST_DATABASE_URL";

  private static final Pattern URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$");

  private final String adminUrl;
  private final String name;
  private final String url;

  private TestDatabase(String adminUrl, String name, String url) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.url = url;
  }

  /**
   * Adds account {@code name} straight to the accounts table (no broker, no keys): what the read
   * models' rows of an account need in tests that use the database alone.
   */
  public static void insertAccount(org.jdbi.v3.core.Handle handle, String name) {
    handle.execute(
        "INSERT INTO accounts (name, plan, description, public_key, jwt, jwt_issued_at,"
            + " created_at, updated_at) VALUES (?, 'free', '', ?, '', 0, 0, 0)",
        name,
        "key-" + name);
  }

  /**
   * {@link #sqlite()} for {@code "SQLite"}, else {@link #postgres()}: for tests parameterized by
   * the database's name ({@code @ValueSource(strings = {"SQLite", "PostgreSQL"})}).
   */
  public static TestDatabase of(String kind) {
    return kind.equals("SQLite") ? sqlite() : postgres();
  }

  /** SQLite in the data directory: the platform's default. */
  public static TestDatabase sqlite() {
    return new TestDatabase(null, null, null);
  }

  /**
   * A new, empty PostgreSQL database; skips the calling test (an assumption) when {@value #ENV} is
   * not set, as when Maven runs without {@code ./run-tests}.
   */
  public static TestDatabase postgres() {
    String admin = System.getenv(ENV);
    assumeTrue(
        admin != null && !admin.isBlank(),
        ENV
            + " is not set: PostgreSQL variant skipped (./run-tests starts a PostgreSQL and sets it)");
    Matcher matcher = URL.matcher(admin);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          ENV + " must be jdbc:postgresql://HOST:PORT/DATABASE?..., got " + Database.redact(admin));
    }
    // Lower case, letters and digits: a name PostgreSQL takes unquoted.
    String name = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute(admin, "CREATE DATABASE " + name);
    String query = matcher.group(3) == null ? "" : matcher.group(3);
    return new TestDatabase(admin, name, matcher.group(1) + name + query);
  }

  /** The JDBC URL for the platform; null for SQLite in the data directory. */
  public String url() {
    return url;
  }

  /** Which kind of database this is, for test names and messages. */
  @Override
  public String toString() {
    return url == null ? "SQLite" : "PostgreSQL " + name;
  }

  /** Drops the PostgreSQL database, even if a leaked pool still holds connections to it. */
  @Override
  public void close() {
    if (adminUrl != null) {
      execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static void execute(String adminUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(adminUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          sql + " failed on " + Database.redact(adminUrl) + ": " + e.getMessage(), e);
    }
  }
}
