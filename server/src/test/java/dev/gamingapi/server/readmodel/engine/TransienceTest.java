package dev.gamingapi.server.readmodel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which database errors are passing trouble (retry) and which are the event's (dead letter), told
 * from errors the real databases raise.
 */
class TransienceTest {
  @TempDir Path dir;

  @Test
  void sqliteBusyIsTransientAConstraintViolationIsNot() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("t.db");
    try (Connection holder = DriverManager.getConnection(url);
        Statement lock = holder.createStatement()) {
      lock.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      lock.execute("INSERT INTO t VALUES (1)");
      lock.execute("BEGIN IMMEDIATE");
      Properties busy = new Properties();
      busy.setProperty("busy_timeout", "50");
      try (Connection other = DriverManager.getConnection(url, busy);
          Statement write = other.createStatement()) {
        Throwable locked = catchThrowable(() -> write.execute("INSERT INTO t VALUES (2)"));
        assertThat(locked).hasMessageContaining("SQLITE_BUSY");
        assertThat(Transience.of(new RuntimeException("wrapped", locked))).isTrue();
      }
      lock.execute("ROLLBACK");
      Throwable duplicate = catchThrowable(() -> lock.execute("INSERT INTO t VALUES (1)"));
      assertThat(duplicate).hasMessageContaining("CONSTRAINT");
      assertThat(Transience.of(duplicate)).isFalse();
    }
  }

  @Test
  void postgresDeadlocksAndLostConnectionsAreTransientBadValuesAreNot() throws Exception {
    try (TestDatabase database = TestDatabase.postgres();
        Connection first = DriverManager.getConnection(database.url());
        Connection second = DriverManager.getConnection(database.url());
        Statement a = first.createStatement();
        Statement b = second.createStatement()) {
      a.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      a.execute("INSERT INTO t VALUES (1, 0), (2, 0)");
      Throwable badValue = catchThrowable(() -> a.execute("INSERT INTO t VALUES (3, 'x')"));
      assertThat(Transience.of(badValue)).isFalse();
      // A deadlock: each holds one row and waits for the other's.
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      a.execute("UPDATE t SET v = 1 WHERE id = 1");
      b.execute("UPDATE t SET v = 1 WHERE id = 2");
      var fromFirst = new java.util.concurrent.atomic.AtomicReference<Throwable>();
      Thread waiting =
          Thread.ofPlatform()
              .start(
                  () ->
                      fromFirst.set(
                          catchThrowable(() -> a.execute("UPDATE t SET v = 2 WHERE id = 2"))));
      // Until the first waits for the second's row: only then does the second's update close the
      // cycle (sooner, it would just wait for the first).
      try (Connection watcher = DriverManager.getConnection(database.url());
          Statement watch = watcher.createStatement()) {
        await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock(watch));
      }
      Throwable deadlock = catchThrowable(() -> b.execute("UPDATE t SET v = 2 WHERE id = 1"));
      second.rollback();
      waiting.join();
      first.rollback();
      // PostgreSQL picks one of the two as the victim.
      Throwable victim = deadlock != null ? deadlock : fromFirst.get();
      assertThat(victim).hasMessageContaining("deadlock");
      assertThat(Transience.of(victim)).isTrue();
      second.setAutoCommit(true);
      b.execute("SELECT pg_terminate_backend(" + pid(first) + ")");
      Throwable lost = catchThrowable(() -> a.execute("SELECT 1"));
      assertThat(lost).isNotNull();
      assertThat(Transience.of(lost)).isTrue();
    }
  }

  private static int pid(Connection connection) throws Exception {
    try (Statement statement = connection.createStatement();
        var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static boolean waitingOnALock(Statement statement) throws SQLException {
    try (ResultSet waiting =
        statement.executeQuery(
            "SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      waiting.next();
      return waiting.getInt(1) > 0;
    }
  }
}
