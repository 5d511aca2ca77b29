package dev.gamingapi.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases by compare-and-set on SQLite (and PostgreSQL in the subclass). */
class LeaseStoreTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  @TempDir Path dir;
  private TestDatabase testDatabase;
  private Database database;
  private LeaseStore leases;

  TestDatabase testDatabase() {
    return TestDatabase.sqlite();
  }

  @BeforeEach
  void open() {
    testDatabase = testDatabase();
    database = Database.open(testDatabase.url(), dir);
    leases = new LeaseStore(database.jdbi());
  }

  @AfterEach
  void close() {
    database.close();
    testDatabase.close();
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
