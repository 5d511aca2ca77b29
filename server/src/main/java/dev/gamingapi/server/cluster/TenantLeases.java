package dev.gamingapi.server.cluster;

import dev.gamingapi.server.accounts.Account;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.lease.Lease;
import dev.gamingapi.server.lease.LeaseLostException;
import dev.gamingapi.server.lease.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several instances sharing the tenants: one lease per tenant ({@code tenant:NAME}) decides which
 * instance runs its read models and notifications. Every third of the lease's lifetime, one round:
 * renew every lease held (one statement), stop the tenants whose lease was lost, then take free or
 * expired tenant leases up to a fair share ({@code ceil(tenants / live instances)}, live instances
 * being the unexpired {@code instance:*} leases) and give back what is above it, so that a second
 * instance started later gets its share. An instance that dies loses its tenants to the others
 * within one lifetime plus one round.
 */
public final class TenantLeases implements TenantOwnership {
  private static final Logger LOG = LoggerFactory.getLogger(TenantLeases.class);
  private static final String TENANT = "tenant:";
  private static final String INSTANCE = "instance:";
  // A tenant created this recently is read from its first event by a worker starting now.
  private static final Duration FRESH = Duration.ofMinutes(10);

  private final LeaseStore store;
  private final Accounts accounts;
  private final String holder;
  private final Duration ttl;
  private final Map<String, Lease> held = new ConcurrentHashMap<>();
  private final List<TenantWorker> workers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService rounds;
  private volatile boolean closed;

  /**
   * Starts the rounds of instance {@code holder}.
   *
   * @param ttl a lease's lifetime: how long a dead instance's tenants wait at most
   */
  public TenantLeases(LeaseStore store, Accounts accounts, String holder, Duration ttl) {
    this.store = store;
    this.accounts = accounts;
    this.holder = holder;
    this.ttl = ttl;
    this.rounds =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("gamingapi-tenant-leases").daemon().unstarted(task));
    accounts.onChange(
        (account, change) -> {
          switch (change) {
            case CREATED -> rounds.execute(this::round);
            case DELETED -> rounds.execute(() -> drop(account.name()));
          }
        });
    long every = ttl.toMillis() / 3;
    rounds.scheduleWithFixedDelay(this::round, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void register(TenantWorker worker) {
    try {
      // On the rounds' thread: the worker starts on the tenants held already (taken for a worker
      // registered before), then a round runs before this returns.
      rounds
          .submit(
              () -> {
                synchronized (this) {
                  workers.add(worker);
                  held.keySet().forEach(account -> worker.start(account, TenantStart.EXISTING));
                }
                round();
              })
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("the first round of tenant leases failed", e);
    }
  }

  /** One round; never throws (an escaping exception would cancel the schedule). */
  private synchronized void round() {
    if (closed) {
      return;
    }
    try {
      store.tryAcquire(INSTANCE + holder, holder, ttl);
      Map<String, Lease> renewed = new HashMap<>();
      for (Lease lease : store.renewAll(holder, TENANT, ttl)) {
        renewed.put(lease.name().substring(TENANT.length()), lease);
      }
      for (String account : new ArrayList<>(held.keySet())) {
        Lease now = renewed.get(account);
        if (now == null || now.token() != held.get(account).token()) {
          LOG.warn("tenant {} lost its lease on instance {}: stopping it here", account, holder);
          stopWorkers(account);
          held.remove(account);
        }
      }
      Map<String, Account> all = new HashMap<>();
      for (Account account : allAccounts()) {
        all.put(account.name(), account);
      }
      int live = Math.max(1, store.countLive(INSTANCE));
      int share = (all.size() + live - 1) / live;
      for (Account account : all.values()) {
        if (held.size() >= share) {
          break;
        }
        if (held.containsKey(account.name())) {
          continue;
        }
        Optional<Lease> taken = store.tryAcquire(TENANT + account.name(), holder, ttl);
        if (taken.isPresent()) {
          held.put(account.name(), taken.get());
          boolean fresh = account.createdAt().isAfter(Instant.now().minus(FRESH));
          TenantStart start = fresh ? TenantStart.FRESH : TenantStart.EXISTING;
          workers.forEach(worker -> worker.start(account.name(), start));
          LOG.info("tenant {} now runs on instance {}", account.name(), holder);
        }
      }
      for (String account : new ArrayList<>(held.keySet())) {
        if (held.size() <= share) {
          break;
        }
        Lease lease = held.remove(account);
        stopWorkers(account);
        store.release(lease);
        LOG.info("tenant {} handed over by instance {} (fair share {})", account, holder, share);
      }
      held.keySet().removeIf(account -> !all.containsKey(account) && drop(account));
    } catch (RuntimeException e) {
      LOG.warn("tenant lease round of instance {} failed: {}", holder, e.toString());
    }
  }

  private List<Account> allAccounts() {
    return accounts.all();
  }

  private synchronized boolean drop(String account) {
    if (held.containsKey(account)) {
      stopWorkers(account);
      store.release(held.remove(account));
    }
    return false;
  }

  private void stopWorkers(String account) {
    for (TenantWorker worker : workers) {
      try {
        worker.stop(account);
      } catch (RuntimeException e) {
        LOG.warn("stopping tenant {}: {}", account, e.toString());
      }
    }
  }

  @Override
  public boolean owns(String account) {
    return held.containsKey(account);
  }

  @Override
  public void check(Handle handle, String account) {
    Lease lease = held.get(account);
    if (lease == null) {
      throw new LeaseLostException(TENANT + account, "not held by instance " + holder);
    }
    LeaseStore.check(handle, lease);
  }

  @Override
  public void restart(Handle handle, String account) {
    store.revoke(handle, TENANT + account);
    // The next round sees the token moved: it stops the tenant here (if it was here) and takes
    // the lease again, or another instance does. Soon, rather than at the next scheduled round.
    rounds.schedule(this::round, 200, TimeUnit.MILLISECONDS);
  }

  /** Stops every tenant here and releases their leases, so that others take them at once. */
  @Override
  public synchronized void close() {
    closed = true;
    rounds.shutdownNow();
    for (String account : new ArrayList<>(held.keySet())) {
      stopWorkers(account);
      try {
        store.release(held.remove(account));
      } catch (RuntimeException e) {
        LOG.debug("releasing tenant {}: {}", account, e.toString());
      }
    }
    try {
      store.tryAcquire(INSTANCE + holder, holder, Duration.ZERO); // expires now: not counted
    } catch (RuntimeException e) {
      LOG.debug("ending the instance lease: {}", e.toString());
    }
  }
}
