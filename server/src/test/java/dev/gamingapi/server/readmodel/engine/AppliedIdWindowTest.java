package dev.gamingapi.server.readmodel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.OnEachDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The applied ids are kept for the tenant's window, counted on the broker's store times of the
 * batches (given here as the consumer reads them from each batch's last message): a copy of an
 * event stored up to the window after the first is applied once, ids older than the window plus an
 * hour are gone, and a copy stored after that is applied as a new event.
 */
@OnEachDatabase
class AppliedIdWindowTest {
  private static final Duration WINDOW = Duration.ofDays(14);
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long T0 = Instant.parse("2026-12-01T00:10:00Z").toEpochMilli();

  @TempDir Path dir;
  @Parameter String databaseKind;
  private TestDatabase testDatabase;
  private Database database;
  private Applier applier;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.of(databaseKind);
    database = Database.open(testDatabase.url(), dir);
    database.jdbi().useHandle(h -> TestDatabase.insertAccount(h, "acme"));
    applier =
        new Applier(
            database,
            new EventFold(Duration.ofSeconds(90), new BoardStore()),
            (handle, account) -> {},
            account -> WINDOW);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.close();
    }
  }

  @Test
  void aCopyWithinTheWindowCountsOnceAndIdsPastItGo() {
    Event first = kill("p1");
    long window = WINDOW.toMillis();
    apply(T0, raw(1, first));

    // Stored exactly one window after the first copy: recognized, although this batch prunes.
    apply(T0 + window, raw(2, first));
    assertThat(applied()).isEqualTo(1);
    assertThat(ids()).containsExactly(first.id() + "@1");

    // One window and an hour after the first copy's batch: its id goes, the new one stays.
    Event second = kill("p2");
    apply(T0 + window + HOUR, raw(3, second));
    assertThat(ids()).containsExactly(second.id() + "@3");
    assertThat(marks()).doesNotContain(T0);

    // A copy after that is a new event to the models: the documented edge of the guarantee.
    apply(T0 + window + HOUR + 1, raw(4, first));
    assertThat(applied()).isEqualTo(3);
    assertThat(kills()).isEqualTo(3);
  }

  @Test
  void aCopyInTheBatchThatPrunesItsFirstIsStillRecognized() {
    Event first = kill("p1");
    apply(T0, raw(1, first));
    apply(T0 + HOUR, raw(2, kill("p2")));

    apply(T0 + WINDOW.toMillis() + 2 * HOUR, raw(3, first), raw(4, kill("p3")));

    assertThat(applied()).isEqualTo(3);
    assertThat(ids()).hasSize(1); // p3's; p1's and p2's are older than the window
  }

  @Test
  void aBatchDeletesAtMostItsShareAndTheNextBatchesGoOn() {
    applier =
        new Applier(
            database,
            new EventFold(Duration.ofSeconds(90), new BoardStore()),
            (handle, account) -> {},
            account -> WINDOW,
            2);
    apply(T0, raw(1, kill("a")), raw(2, kill("b")), raw(3, kill("c")), raw(4, kill("d")));
    long late = T0 + WINDOW.toMillis() + HOUR;

    apply(late, raw(5, kill("e")));
    assertThat(ids()).hasSize(3); // ids 1 and 2 went
    apply(late + 1, raw(6, kill("f")));
    assertThat(ids()).hasSize(2); // 3 and 4: all older than the window
    assertThat(marks()).containsExactly(late); // one mark for the hour, the old one gone
    apply(late + 2, raw(7, kill("g")));

    assertThat(ids()).hasSize(3);
    assertThat(marks()).containsExactly(late);
    assertThat(applied()).isEqualTo(7);
  }

  @Test
  void withoutAStoreTimeNothingIsPruned() {
    Event first = kill("p1");
    apply(T0, raw(1, first));
    applier.applyDecoded("acme", Applier.decode(List.of(raw(2, kill("p2")))));
    applier.applyDecoded(
        "acme", Applier.decode(List.of(raw(3, first))), T0 + WINDOW.toMillis() - 1);

    assertThat(applied()).isEqualTo(2);
    assertThat(ids()).hasSize(2);
  }

  private void apply(long storedMs, RawEvent... batch) {
    applier.applyDecoded("acme", Applier.decode(List.of(batch)), storedMs);
  }

  private static Event kill(String killer) {
    PlayerKilled kill = new PlayerKilled(killer, "victim", null, null, null);
    return new Event(
        EventIds.next(),
        EventCatalog.typeOf(kill),
        "s1",
        kill.playerId(),
        Instant.ofEpochMilli(T0),
        kill);
  }

  private static RawEvent raw(long seq, Event event) {
    EncodedEvent encoded = CloudEventsCodec.encode(event);
    return new RawEvent(seq, encoded.subject(), encoded.headers(), encoded.body());
  }

  private long applied() {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT applied FROM rm_positions").mapTo(Long.class).one());
  }

  private long kills() {
    return database
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT SUM(kills) FROM rm_players").mapTo(Long.class).one());
  }

  private List<String> ids() {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT event_id || '@' || stream_seq FROM rm_applied_ids"
                            + " ORDER BY stream_seq")
                    .mapTo(String.class)
                    .list());
  }

  private List<Long> marks() {
    return database
        .jdbi()
        .withHandle(
            h -> h.createQuery("SELECT stored_ms FROM rm_applied_marks").mapTo(Long.class).list());
  }
}
