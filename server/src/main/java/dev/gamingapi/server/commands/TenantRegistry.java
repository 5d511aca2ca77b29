package dev.gamingapi.server.commands;

import dev.gamingapi.server.accounts.Account;
import dev.gamingapi.server.accounts.AccountChange;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.TenantLink;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.servers.GameServer;
import dev.gamingapi.server.tenancy.TenancyServices;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's {@link TenantCommands} of every account: opened at start, when an account is
 * created, or on first use; closed (and the account's rows dropped) when it is deleted.
 */
final class TenantRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);

  private final TenancyServices tenancy;
  private final TenantLink.Opener links;
  private final CommandStore store;
  private final PullPolicy pulls;
  private final CommandLatency latency;
  private final Map<String, TenantCommands> tenants = new ConcurrentHashMap<>();
  private final AtomicLong repairs = new AtomicLong();
  private final Set<String> checking = ConcurrentHashMap.newKeySet();
  private final ExecutorService watch =
      Executors.newSingleThreadExecutor(
          task -> Thread.ofPlatform().name("gamingapi-commands-watch").daemon().unstarted(task));

  TenantRegistry(
      TenancyServices tenancy,
      CommandStore store,
      PullPolicy pulls,
      TenantLink.Opener links,
      CommandLatency latency) {
    this.tenancy = tenancy;
    this.pulls = pulls;
    this.links = links;
    this.store = store;
    this.latency = latency;
  }

  /** How many times a tenant's result tracker was found missing or changed and recreated. */
  long repairs() {
    return repairs.get();
  }

  /**
   * A tenant's tracker deleted or changed (by a credential issued before tenants were denied that,
   * or lost with the broker's state) left command results unrecorded until a restart, silently. Its
   * pulls then fail or its heartbeats stop, which the tenant's connection reports: the tracker is
   * then checked and recreated from where it was. Reacting rather than asking every tenant's broker
   * on a timer: with thousands of tenants such a poll was most of an idle platform's work.
   */
  private void scheduleRepair(String account) {
    if (checking.add(account)) {
      try {
        watch.execute(() -> repair(account));
      } catch (RejectedExecutionException closing) {
        checking.remove(account);
      }
    }
  }

  private void lookAgain(String account) {
    TenantCommands tenant = tenants.get(account);
    if (tenant != null) {
      tenant.lookAgain();
    }
  }

  private void repair(String account) {
    checking.remove(account);
    TenantCommands tenant = tenants.get(account);
    if (tenant == null) {
      return;
    }
    try {
      if (tenant.repairTracker()) {
        repairs.incrementAndGet();
        LOG.warn(
            "account {}: the platform's consumer {} on EVENTS was missing or changed;"
                + " recreated after stream sequence {}",
            account,
            TenantCommands.TRACKER,
            tenant.trackedUpTo());
      }
    } catch (Exception e) {
      // The broker away, or the tenant being deleted: its next pull failure asks again.
      LOG.debug("account {}: tracker not checked: {}", account, e.toString());
    }
  }

  TenantCommands get(String account) {
    TenantCommands tenant = tenants.get(account);
    return tenant != null ? tenant : open(account);
  }

  void accountChanged(Account account, AccountChange change) {
    if (change == AccountChange.CREATED) {
      openLogged(account.name());
      return;
    }
    TenantCommands tenant = tenants.remove(account.name());
    if (tenant != null) {
      tenant.close();
    }
    store.deleteAccount(account.name());
  }

  /** Opens the account's; one that fails is logged, and opened again on first use. */
  void openLogged(String account) {
    try {
      open(account);
    } catch (RuntimeException e) {
      LOG.error("commands of account {} not started: {}", account, e.getMessage());
    }
  }

  private synchronized TenantCommands open(String account) {
    TenantCommands existing = tenants.get(account);
    if (existing != null) {
      return existing;
    }
    TenantLink link =
        links.open(
            account,
            new TenantLink.Listener() {
              @Override
              public void consumerTrouble() {
                scheduleRepair(account);
              }

              @Override
              public void resubscribed() {
                lookAgain(account);
              }
            });
    TenantCommands tenant;
    try {
      tenant = new TenantCommands(account, link, pulls);
    } catch (RuntimeException e) {
      link.close();
      throw e;
    }
    try {
      tenant.track(new ResultTracker(account, store, latency));
      String cursor = null;
      do {
        Page<GameServer> page = tenancy.servers().list(account, PageRequest.of("200", cursor));
        page.items().forEach(server -> tenant.ensureConsumer(server.id()));
        cursor = page.nextCursor();
      } while (cursor != null);
    } catch (RuntimeException e) {
      tenant.close();
      throw e;
    }
    tenants.put(account, tenant);
    if (!tenancy.accounts().exists(account)) {
      // Deleted while this opened it (a start in the background meets deletions): its deletion
      // found nothing to close.
      tenants.remove(account);
      tenant.close();
      throw new NotFoundException("account", account);
    }
    return tenant;
  }

  @Override
  public void close() {
    watch.shutdown(); // not interrupted: jnats requests in progress finish or time out
    try {
      watch.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // Together: each close waits for its connection to end, and a thousand one after the other
    // made a stop take tens of seconds.
    try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
      tenants.values().forEach(tenant -> closing.execute(tenant::close));
    }
    tenants.clear();
  }
}
