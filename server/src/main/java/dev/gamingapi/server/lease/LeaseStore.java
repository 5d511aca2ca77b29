package dev.gamingapi.server.lease;

import dev.gamingapi.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code leases} table: compare-and-set on one row per lease, the same SQL on SQLite and
 * PostgreSQL. Expiry uses each instance's clock, so instances need clocks in step (NTP) to well
 * within a lease's lifetime; correctness does not depend on it, because every guarded write checks
 * the fencing token ({@link #check}), which only changes when the holder does.
 */
public final class LeaseStore {
  private final Jdbi jdbi;
  private final Clock clock;

  /** The leases of the database behind {@code jdbi}, expiring by {@code clock}. */
  public LeaseStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Takes lease {@code name} for {@code holder} when it is free, expired or already {@code
   * holder}'s (then renewed under the same token).
   *
   * @return the lease, or empty when another holder has it
   */
  public Optional<Lease> tryAcquire(String name, String holder, Duration ttl) {
    long now = clock.millis();
    long expires = now + ttl.toMillis();
    return jdbi.inTransaction(
        handle -> {
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO leases (name, holder, token, expires_at)"
                          + " VALUES (:name, :holder, 1, :expires) ON CONFLICT (name) DO NOTHING")
                  .bind("name", name)
                  .bind("holder", holder)
                  .bind("expires", expires)
                  .execute();
          if (inserted == 0) {
            // Ours already: renew. Someone else's and expired: take it with a new token.
            String current =
                handle
                    .createQuery("SELECT holder FROM leases WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
            if (!holder.equals(current)) {
              lockForTakeover(handle, name);
            }
            int taken =
                handle
                    .createUpdate(
                        "UPDATE leases SET expires_at = :expires,"
                            + " token = CASE WHEN holder = :holder THEN token ELSE token + 1 END,"
                            + " holder = :holder"
                            + " WHERE name = :name AND (holder = :holder OR expires_at <= :now)")
                    .bind("name", name)
                    .bind("holder", holder)
                    .bind("expires", expires)
                    .bind("now", now)
                    .execute();
            if (taken == 0) {
              return Optional.<Lease>empty();
            }
          }
          long token =
              handle
                  .createQuery("SELECT token FROM leases WHERE name = :name")
                  .bind("name", name)
                  .mapTo(Long.class)
                  .one();
          return Optional.of(new Lease(name, holder, token));
        });
  }

  /**
   * Extends every lease of {@code holder} whose name starts with {@code prefix}, in one statement.
   *
   * @return the leases {@code holder} holds under {@code prefix} after the renewal
   */
  public List<Lease> renewAll(String holder, String prefix, Duration ttl) {
    long expires = clock.millis() + ttl.toMillis();
    return jdbi.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE leases SET expires_at = :expires"
                      + " WHERE holder = :holder AND name LIKE :prefix")
              .bind("holder", holder)
              .bind("prefix", prefix + "%")
              .bind("expires", expires)
              .execute();
          return handle
              .createQuery(
                  "SELECT name, token FROM leases WHERE holder = :holder AND name LIKE :prefix")
              .bind("holder", holder)
              .bind("prefix", prefix + "%")
              .map((rs, ctx) -> new Lease(rs.getString(1), holder, rs.getLong(2)))
              .list();
        });
  }

  /** How many leases under {@code prefix} are unexpired (e.g. live instances). */
  public int countLive(String prefix) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM leases WHERE name LIKE :prefix AND expires_at > :now")
                .bind("prefix", prefix + "%")
                .bind("now", clock.millis())
                .mapTo(Integer.class)
                .one());
  }

  /** Gives {@code lease} up at once, if still held: another instance may take it right away. */
  public void release(Lease lease) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE leases SET expires_at = 0"
                        + " WHERE name = :name AND holder = :holder AND token = :token")
                .bind("name", lease.name())
                .bind("holder", lease.holder())
                .bind("token", lease.token())
                .execute());
  }

  /**
   * Ends lease {@code name} whoever holds it, and moves its token on: the holder's next guarded
   * write fails and it gives the work up (to take it again from the database's state).
   */
  public void revoke(Handle handle, String name) {
    lockForTakeover(handle, name);
    handle
        .createUpdate("UPDATE leases SET token = token + 1, expires_at = 0 WHERE name = :name")
        .bind("name", name)
        .execute();
  }

  /**
   * Inside a transaction: fails unless {@code lease} is still held under its token. On PostgreSQL
   * the row stays locked (key share) until the transaction ends, so a takeover or a revocation
   * waits for this transaction and then sees it committed (SQLite runs one writer at a time
   * anyway).
   *
   * @throws LeaseLostException when the holder or the token changed
   */
  public static void check(Handle handle, Lease lease) {
    int held =
        postgres(handle)
            // A key-share lock: it waits for a takeover or a revocation in progress (they lock
            // the row for update first) and makes them wait for this transaction, but not a
            // renewal, which only moves expires_at. With an update here, every renewal waited
            // for the batch in progress and every batch for the renewal's commit, disk flush
            // included: the stalls of a few hundred ms that the visibility benchmark showed.
            ? handle
                .createQuery(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM leases WHERE name = :name"
                        + " AND holder = :holder AND token = :token FOR KEY SHARE) held")
                .bind("name", lease.name())
                .bind("holder", lease.holder())
                .bind("token", lease.token())
                .mapTo(Integer.class)
                .one()
            : handle
                .createUpdate(
                    "UPDATE leases SET token = token"
                        + " WHERE name = :name AND holder = :holder AND token = :token")
                .bind("name", lease.name())
                .bind("holder", lease.holder())
                .bind("token", lease.token())
                .execute();
    if (held != 1) {
      throw new LeaseLostException(lease.name(), "taken over by another instance");
    }
  }

  // Before a change of holder or token on PostgreSQL: the row lock that waits for every guarded
  // transaction in progress (their key-share locks), so that none of them commits after it.
  private static void lockForTakeover(Handle handle, String name) {
    if (postgres(handle)) {
      handle
          .createQuery("SELECT name FROM leases WHERE name = :name FOR UPDATE")
          .bind("name", name)
          .mapTo(String.class)
          .list();
    }
  }

  private static boolean postgres(Handle handle) {
    return Database.Dialect.of(handle.getConnection()) == Database.Dialect.POSTGRESQL;
  }
}
