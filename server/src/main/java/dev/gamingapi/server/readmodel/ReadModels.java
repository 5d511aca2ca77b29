package dev.gamingapi.server.readmodel;

import dev.gamingapi.contract.event.Resends;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.TenantLink;
import dev.gamingapi.server.cluster.TenantOwnership;
import dev.gamingapi.server.cluster.TenantStart;
import dev.gamingapi.server.cluster.TenantWorker;
import dev.gamingapi.server.readmodel.engine.Applier;
import dev.gamingapi.server.readmodel.engine.Backfill;
import dev.gamingapi.server.readmodel.engine.DeadLetterQueries;
import dev.gamingapi.server.readmodel.engine.EventFold;
import dev.gamingapi.server.readmodel.engine.TenantConsumer;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import dev.gamingapi.server.readmodel.leaderboards.ConsumerControl;
import dev.gamingapi.server.readmodel.leaderboards.Leaderboards;
import dev.gamingapi.server.readmodel.profiles.ProfileQueries;
import dev.gamingapi.server.readmodel.status.StatusQueries;
import dev.gamingapi.server.readmodel.timeseries.SeriesQueries;
import dev.gamingapi.server.store.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The historical database: server status, player profiles and leaderboards, built from each
 * tenant's {@code EVENTS} stream by one {@link TenantConsumer} per tenant. Consumers start for
 * every tenant at {@link #start()} and for each tenant created later, and stop when their tenant is
 * deleted (its rows go with it, by cascade); they pause while a rebuild, an erasure or a change of
 * board definitions ({@link Leaderboards}) is made.
 */
public final class ReadModels implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReadModels.class);
  private static final String LAG = "gamingapi_readmodel_lag_events";
  private static final Duration PREPARED_CHECK = Duration.ofMillis(100);
  private static final String PARKED = "gamingapi_readmodel_parked_tenants";

  private final Database database;
  private final Accounts accounts;
  private final String brokerUrl;
  private final ReadModelConfig config;
  private MeterRegistry metrics;
  private final Applier applier;
  private final Backfill backfill;
  private final StatusQueries status;
  private final ProfileQueries profiles;
  private final SeriesQueries series;
  private final DeadLetterQueries deadLetters;
  private final BoardStore boards = new BoardStore();
  private final Leaderboards leaderboards;
  private final StateStore state;
  private final AuditLog audit;
  private final PullPolicy pulls;
  private final TenantLink.Opener links;
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  // Batches are written here while their consumers read the next: as many writers as cores, since
  // a write is mostly computing (and SQLite takes one writer at a time anyway).
  private final ExecutorService writers =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          Thread.ofPlatform().name("gamingapi-readmodel-writer-", 1).daemon().factory());
  private final TenantOwnership ownership;
  private volatile boolean closed;

  private record Tenant(TenantConsumer consumer, Gauge gauge) {
    boolean parked() {
      return consumer.parked();
    }
  }

  /**
   * The read models over {@code database}, of the tenants that {@code ownership} gives this
   * instance; nothing runs until {@link #start}.
   */
  public ReadModels(
      Database database,
      Accounts accounts,
      AuditLog audit,
      String brokerUrl,
      ReadModelConfig config,
      PullPolicy pulls,
      TenantLink.Opener links,
      TenantOwnership ownership) {
    this.ownership = ownership;
    this.pulls = pulls;
    this.links = links;
    this.database = database;
    this.accounts = accounts;
    this.brokerUrl = brokerUrl;
    this.config = config;
    EventFold fold = new EventFold(config.unresponsiveAfter(), boards);
    // An applied id is kept while its event may still be in the log (the plan's retention, for
    // the boards' backfill) and be re-sent by a journal (docs/history.md, repeated events).
    this.applier =
        new Applier(
            database,
            fold,
            ownership::check,
            account -> accounts.eventMaxAge(account).plus(Resends.MAX_JOURNAL_AGE));
    this.backfill = new Backfill(database, fold, boards, ownership::check);
    this.leaderboards = new Leaderboards(database.readJdbi(), boards, audit, new Consumers());
    this.state = new StateStore(database.readJdbi());
    this.status = new StatusQueries(database.readJdbi(), config.unresponsiveAfter());
    this.profiles = new ProfileQueries(database.readJdbi());
    this.series = new SeriesQueries(database.readJdbi(), config.unresponsiveAfter());
    this.deadLetters = new DeadLetterQueries(database.readJdbi());
    this.audit = audit;
  }

  /**
   * Starts a consumer for every tenant, and follows tenants created and deleted from now on; their
   * lag gauges go to {@code metrics}.
   */
  public ReadModels start(MeterRegistry metrics) {
    synchronized (this) {
      this.metrics = metrics;
    }
    Gauge.builder(PARKED, tenants, all -> all.values().stream().filter(Tenant::parked).count())
        .description("tenants whose read models are idle and hold no pull on the broker")
        .register(metrics);
    // Not under this object's lock: the ownership starts tenants from a thread of its own, and
    // startTenant takes that lock.
    ownership.register(
        new TenantWorker() {
          @Override
          public void start(String account, TenantStart start) {
            startTenant(account);
          }

          @Override
          public void stop(String account) {
            stopTenant(account);
          }
        });
    return this;
  }

  private synchronized void startTenant(String account) {
    if (closed || tenants.containsKey(account)) {
      return;
    }
    TenantConsumer consumer =
        new TenantConsumer(account, links, config.batchSize(), pulls, applier, backfill, writers)
            .start();
    Gauge gauge =
        Gauge.builder(LAG, consumer, TenantConsumer::lag)
            .description("events in the tenant's log not yet applied to its read models")
            .tag("account", account)
            .register(metrics);
    tenants.put(account, new Tenant(consumer, gauge));
    LOG.debug("read models of {} started", account);
  }

  private synchronized void stopTenant(String account) {
    if (pauseTenant(account)) {
      boards.forget(account);
    }
  }

  // Stops the tenant's consumer, keeping what the boards know (for a change whose own code says
  // what it invalidates); answers whether it was running.
  private synchronized boolean pauseTenant(String account) {
    Tenant tenant = tenants.remove(account);
    if (tenant == null) {
      return false;
    }
    tenant.consumer().close();
    metrics.remove(tenant.gauge());
    return true;
  }

  /** Where the read models of {@code account} stand. */
  public ReadModelState state(String account) {
    Tenant tenant = tenants.get(account);
    return state.state(account, tenant == null ? 0 : tenant.consumer().lag());
  }

  /**
   * Rebuilds {@code account}'s models from its log: the consumer stops, every row of the models
   * goes (position, applied ids and dead letters included) in one transaction, and the consumer
   * starts again from the first event the stream still holds.
   */
  public void rebuild(String account) {
    synchronized (this) {
      stopTenant(account);
      database
          .jdbi()
          .useTransaction(
              handle -> {
                Erasure.models(handle, account);
                ownership.restart(handle, account); // the owner, if another instance
              });
      boards.forget(account);
      applier.forget(account);
      if (ownership.owns(account)) {
        startTenant(account);
      }
    }
    LOG.info("read models of {} rebuilding from the log", account);
  }

  /**
   * Forgets {@code player}: erases the messages on the player's subjects from the tenant's log
   * (secure delete), removes the player from every model, and records it in the audit log. The
   * consumer pauses meanwhile, so that no event of the player is applied half-way.
   *
   * @return how many events were erased from the log
   */
  public long forget(String account, String player, Actor actor) {
    long erased;
    synchronized (this) {
      boolean running = tenants.containsKey(account);
      stopTenant(account);
      try {
        erased =
            Erasure.playerEvents(
                brokerUrl,
                accounts.internalUser(account, "forget a player", Duration.ofMinutes(5)),
                player);
        database
            .jdbi()
            .useTransaction(
                handle -> {
                  Erasure.player(handle, account, player);
                  boards.erase(handle, account, player);
                  ownership.restart(handle, account); // the owner, if another instance
                });
      } finally {
        if (running && ownership.owns(account)) {
          startTenant(account);
        }
      }
    }
    audit.record(actor, "player.forgotten", account, player, Map.of("erased_events", erased));
    return erased;
  }

  // Runs work in one transaction while the tenant's consumer (if here) is stopped, so that no
  // batch in flight sees the change half-way; the consumer starts again after. The boards' cached
  // scores stay: defining or deleting a board drops that board's alone (BoardStore), and the other
  // boards' scores do not change meanwhile, so their batches need not read them all again.
  private <T> T whilePaused(String account, HandleCallback<T, RuntimeException> work) {
    synchronized (this) {
      boolean running = pauseTenant(account);
      try {
        return database.jdbi().inTransaction(work);
      } finally {
        if (running && ownership.owns(account)) {
          startTenant(account);
        }
      }
    }
  }

  // The consumers as the leaderboards' definitions change them.
  private final class Consumers implements ConsumerControl {
    @Override
    public <T> T whilePaused(String account, HandleCallback<T, RuntimeException> work) {
      return ReadModels.this.whilePaused(account, work);
    }

    @Override
    public void restartOwner(Handle handle, String account) {
      ownership.restart(handle, account);
    }

    /**
     * Waits for the tenant's consumer as it is at each moment: with leases, the restart a new board
     * asks for reaches this instance at its next lease renewal, which replaces the consumer that
     * was running; waiting on that one alone lasted the whole timeout (30 s for the first board of
     * every compose deployment).
     */
    @Override
    public void awaitPrepared(String account, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        while (System.nanoTime() < deadline) {
          Tenant tenant = tenants.get(account);
          if (tenant == null && !ownership.owns(account)) {
            return; // another instance runs it
          }
          if (tenant == null) {
            Thread.sleep(PREPARED_CHECK); // between its stop and its start here
          } else if (tenant.consumer().awaitPrepared(PREPARED_CHECK)) {
            return;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Leaderboards: definitions and queries. */
  public Leaderboards leaderboards() {
    return leaderboards;
  }

  /** Dead-letter queries. */
  public DeadLetterQueries deadLetters() {
    return deadLetters;
  }

  /** Server status queries. */
  public StatusQueries status() {
    return status;
  }

  /** Player profile queries. */
  public ProfileQueries profiles() {
    return profiles;
  }

  /** Time-series queries, for charts. */
  public SeriesQueries series() {
    return series;
  }

  /** Stops every consumer; the positions stay in the database. */
  @Override
  public synchronized void close() {
    closed = true;
    tenants.values().forEach(tenant -> tenant.consumer().stop());
    for (String account : tenants.keySet()) {
      stopTenant(account);
    }
    writers.shutdown();
  }
}
