package dev.gamingapi.server.lease;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs one piece of work at a time: in this process with a lock and, when several instances share
 * the database, across them with a short lease taken for the duration of each write ({@link
 * #leased}). Used for account JWTs: nats-server keeps the last push even when it is older, so two
 * instances pushing the same account's JWT at once could leave the older one in force.
 *
 * <p>Why a lease per write rather than one long-lived writer that the others forward to: any
 * instance can then serve a REST call that changes a JWT, with no request path between instances to
 * keep alive; an instance that dies while writing holds the lease for at most its lifetime, and the
 * next writer takes it over. The JWT's {@code iat} version check in the database stays the guard
 * against a writer that lost the lease while paused.
 */
public final class SingleWriter {
  /** The lease every account-JWT write takes. */
  public static final String JWT_WRITER = "jwt-writer";

  private static final long POLL_MILLIS = 50;

  private final ReentrantLock lock = new ReentrantLock();
  private final LeaseStore store;
  private final String name;
  private final String holder;
  private final Duration ttl;
  private final Duration maxWait;

  private SingleWriter(
      LeaseStore store, String name, String holder, Duration ttl, Duration maxWait) {
    this.store = store;
    this.name = name;
    this.holder = holder;
    this.ttl = ttl;
    this.maxWait = maxWait;
  }

  /** One writer in this process: the only instance. */
  public static SingleWriter local() {
    return new SingleWriter(null, null, null, null, null);
  }

  /**
   * One writer among all instances of the database behind {@code store}.
   *
   * @param ttl how long a dead writer blocks the others at most; longer than any one write
   */
  public static SingleWriter leased(LeaseStore store, String name, String holder, Duration ttl) {
    return new SingleWriter(store, name, holder, ttl, ttl.multipliedBy(2));
  }

  /**
   * Runs {@code work} as the only writer; nested calls in the same thread run at once.
   *
   * @throws LeaseLostException when another instance kept the lease longer than twice its lifetime
   */
  public <T> T run(Supplier<T> work) {
    lock.lock();
    try {
      if (store == null || lock.getHoldCount() > 1) {
        return work.get();
      }
      Lease lease = acquire();
      try {
        return work.get();
      } finally {
        store.release(lease);
      }
    } finally {
      lock.unlock();
    }
  }

  /** As {@link #run(Supplier)}, with no result. */
  public void run(Runnable work) {
    run(
        () -> {
          work.run();
          return null;
        });
  }

  private Lease acquire() {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      Optional<Lease> lease = store.tryAcquire(name, holder, ttl);
      if (lease.isPresent()) {
        return lease.get();
      }
      if (System.nanoTime() > deadline) {
        throw new LeaseLostException(
            name, "another instance has held it for more than " + maxWait + "; retry");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LeaseLostException(name, "interrupted while waiting for it");
      }
    }
  }
}
