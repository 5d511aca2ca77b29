package dev.gamingapi.server.readmodel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that is busy (another process holds SQLite's write lock) fails the batch for the
 * consumer to retry; it never sends good events to the dead letters, and the retry applies them.
 */
class ApplierTransienceTest {
  @TempDir Path dir;

  @Test
  void aLockedDatabaseFailsTheBatchWithoutDeadLettersAndTheRetryAppliesIt() throws Exception {
    Path file = dir.resolve("models.db");
    String url = "jdbc:sqlite:" + file + "?journal_mode=WAL&foreign_keys=true&busy_timeout=200";
    try (Database database = Database.open(url, dir)) {
      database.jdbi().useHandle(h -> TestDatabase.insertAccount(h, "acme"));
      Applier applier =
          new Applier(database, new EventFold(Duration.ofSeconds(90), new BoardStore()));
      List<RawEvent> batch = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        PlayerKilled kill = new PlayerKilled("p" + i, "p0", null, null, null);
        Event event =
            new Event(
                EventIds.next(),
                EventCatalog.typeOf(kill),
                "s1",
                kill.playerId(),
                Instant.parse("2026-11-24T10:00:00Z").plusSeconds(i),
                kill);
        EncodedEvent encoded = CloudEventsCodec.encode(event);
        batch.add(new RawEvent(i, encoded.subject(), encoded.headers(), encoded.body()));
      }
      // The lock goes after a second: long after the batch gave up (busy_timeout 200 ms), and
      // while event-by-event retries would still be running, had the failure been taken for the
      // events' fault (one would then be dead-lettered once the lock is gone).
      Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
      Statement lock = other.createStatement();
      lock.execute("BEGIN IMMEDIATE");
      Thread release =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      Thread.sleep(1_000); // kept: SQLite holds the lock in real time
                      lock.execute("ROLLBACK");
                      other.close();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
      assertThatThrownBy(() -> applier.apply("acme", batch)).hasStackTraceContaining("SQLITE_BUSY");
      release.join();
      assertThat(count(database, "rm_dead_letters")).isZero();
      assertThat(applier.position("acme")).isZero();

      assertThat(applier.apply("acme", batch)).isEqualTo(20);
      assertThat(count(database, "rm_dead_letters")).isZero();
      assertThat(count(database, "rm_players")).isEqualTo(20);
    }
  }

  private static long count(Database database, String table) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
  }
}
