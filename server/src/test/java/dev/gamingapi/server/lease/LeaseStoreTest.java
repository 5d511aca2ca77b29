package dev.gamingapi.server.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import dev.gamingapi.server.testing.OnEachDatabase;
import dev.gamingapi.server.testing.SteppedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Leases by compare-and-set, on each database. */
@OnEachDatabase
class LeaseStoreTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  @TempDir Path dir;
  private TestDatabase testDatabase;
  private Database database;
  private LeaseStore leases;
  private final SteppedClock clock = SteppedClock.atSystemTime();

  @Parameter String databaseKind;

  TestDatabase testDatabase() {
    return TestDatabase.of(databaseKind);
  }

  @BeforeEach
  void open() {
    testDatabase = testDatabase();
    database = Database.open(testDatabase.url(), dir);
    leases = new LeaseStore(database.jdbi(), clock);
  }

  @AfterEach
  void close() {
    // Null when open() was skipped for want of PostgreSQL: the skip must not turn into an error.
    if (database != null) {
      database.close();
    }
    if (testDatabase != null) {
      testDatabase.close();
    }
  }

  @Test
  void aHeldLeaseIsRefusedToOthersAndRenewedForItsHolderUnderTheSameToken() {
    Lease first = leases.tryAcquire("jwt-writer", "a", LONG).orElseThrow();

    assertThat(leases.tryAcquire("jwt-writer", "b", LONG)).isEmpty();
    assertThat(leases.tryAcquire("jwt-writer", "a", LONG)).contains(first);
  }

  @Test
  void anExpiredLeaseGoesToTheNextTakerWithANewTokenAndFencesTheOldHolderOut() {
    Lease old = leases.tryAcquire("tenant:acme", "a", Duration.ZERO).orElseThrow();

    Lease taken = leases.tryAcquire("tenant:acme", "b", LONG).orElseThrow();

    assertThat(taken.token()).isGreaterThan(old.token());
    assertThatThrownBy(() -> database.jdbi().useTransaction(h -> LeaseStore.check(h, old)))
        .isInstanceOf(LeaseLostException.class);
    database.jdbi().useTransaction(h -> LeaseStore.check(h, taken)); // the new holder passes
  }

  @Test
  @org.junit.jupiter.api.Timeout(30) // a renewal that waited would never end: a failure, not a hang
  void aTakeoverWaitsForTheGuardedTransactionInProgressAndARenewalDoesNot() throws Exception {
    Lease held = leases.tryAcquire("tenant:acme", "a", Duration.ofMillis(300)).orElseThrow();
    java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Future<?> guarded =
          threads.submit(
              () -> {
                database
                    .jdbi()
                    .useTransaction(
                        h -> {
                          LeaseStore.check(h, held);
                          checked.countDown();
                          finish.await();
                        });
                return null;
              });
      checked.await();
      if (database.dialect() == Database.Dialect.POSTGRESQL) {
        // (On SQLite the one connection is the transaction's: everything else waits.)
        assertThat(leases.renewAll("a", "tenant:", Duration.ofMillis(300))).containsExactly(held);
      }
      clock.advance(Duration.ofMillis(400)); // expired
      java.util.concurrent.Future<Optional<Lease>> takeover =
          threads.submit(() -> leases.tryAcquire("tenant:acme", "b", LONG));
      await("the takeover waits for the guarded transaction")
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> !takeover.isDone());
      finish.countDown();
      guarded.get();
      assertThat(takeover.get().orElseThrow().token()).isGreaterThan(held.token());
      assertThatThrownBy(() -> database.jdbi().useTransaction(h -> LeaseStore.check(h, held)))
          .isInstanceOf(LeaseLostException.class);
    } finally {
      finish.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void aReleasedLeaseIsFreeAtOnceAndARevokedOneFencesItsHolder() {
    Lease held = leases.tryAcquire("tenant:acme", "a", LONG).orElseThrow();
    leases.release(held);
    Lease next = leases.tryAcquire("tenant:acme", "b", LONG).orElseThrow();

    database.jdbi().useTransaction(h -> leases.revoke(h, "tenant:acme"));

    assertThatThrownBy(() -> database.jdbi().useTransaction(h -> LeaseStore.check(h, next)))
        .isInstanceOf(LeaseLostException.class);
    Optional<Lease> again = leases.tryAcquire("tenant:acme", "b", LONG);
    assertThat(again).isPresent();
    assertThat(again.get().token()).isGreaterThan(next.token());
  }

  @Test
  void renewAllExtendsEveryLeaseOfTheHolderUnderThePrefixAndCountLiveSeesOnlyUnexpiredOnes() {
    leases.tryAcquire("tenant:a", "one", Duration.ZERO);
    leases.tryAcquire("tenant:b", "one", Duration.ZERO);
    leases.tryAcquire("tenant:c", "two", LONG);
    leases.tryAcquire("instance:one", "one", LONG);
    leases.tryAcquire("instance:two", "two", Duration.ZERO);

    assertThat(leases.renewAll("one", "tenant:", LONG))
        .extracting(Lease::name)
        .containsExactlyInAnyOrder("tenant:a", "tenant:b");
    assertThat(leases.tryAcquire("tenant:a", "two", LONG)).isEmpty(); // renewed: not expired
    assertThat(leases.countLive("instance:")).isEqualTo(1);
  }
}
