package dev.gamingapi.server.accounts;

import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.accounts.plans.PlanCatalog;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import dev.gamingapi.server.broker.InsufficientStorageException;
import dev.gamingapi.server.common.ConflictException;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Names;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.RecentValues;
import dev.gamingapi.server.common.Times;
import dev.gamingapi.server.jwt.CredsIssuer;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.resolver.BrokerStorage;
import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import io.nats.client.api.AccountStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants: create, read, change plan, delete, usage. Every change is live: the account JWT is
 * pushed to the broker's resolver and the streams are provisioned before the call returns.
 */
public final class Accounts {
  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
  private static final int MAX_DESCRIPTION = 1024;

  private final Clock clock;
  private final AccountStore store;
  private final ShareStore shares;
  private final AccountJwts jwts;
  private final KeyVault vault;
  private final PlanCatalog plans;
  private final TenantBroker broker;
  private final ConnectionCounter connections;
  private final AuditLog audit;
  private final List<AccountListener> listeners = new CopyOnWriteArrayList<>();
  // Each request reads its account's plan (rate limit): a change through this instance is seen at
  // once, through another within a second.
  private final RecentValues<String, Plan> recentPlans =
      new RecentValues<>(Duration.ofSeconds(1), 10_000);

  public Accounts(
      AccountStore store,
      ShareStore shares,
      AccountJwts jwts,
      KeyVault vault,
      PlanCatalog plans,
      TenantBroker broker,
      ConnectionCounter connections,
      AuditLog audit,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.shares = shares;
    this.jwts = jwts;
    this.vault = vault;
    this.plans = plans;
    this.broker = broker;
    this.connections = connections;
    this.audit = audit;
  }

  /**
   * Creates account {@code name} on {@code planName}: keys, JWT pushed and read back, streams
   * provisioned.
   *
   * @throws InvalidRequestException for a bad name, an unknown plan or a too long description
   * @throws ConflictException when the name is taken
   */
  public Account create(String name, String planName, String description, Actor actor) {
    Names.name("name", name);
    Plan plan = plan(planName);
    String text = description(description);
    if (store.find(name).isPresent()) {
      throw new ConflictException("account '" + name + "' already exists");
    }
    checkRoom(plan, null);
    // Keys already in the vault are reused: the default account of a data directory made before
    // the database existed keeps its identity, and so its stream data.
    boolean newKeys = vault.publicKey(AccountKeys.identity(name)).isEmpty();
    NKey identity = vault.getOrCreate(AccountKeys.identity(name), NKey.Type.ACCOUNT);
    vault.getOrCreate(AccountKeys.signing(name), NKey.Type.ACCOUNT);
    Instant now = Times.now(clock);
    Account account =
        new Account(name, plan.name(), text, KeyVault.publicKeyOf(identity), now, now);
    long iat = AccountJwts.nextIssuedAt(0, clock);
    String jwt = jwts.build(account, iat);
    // The row first: the database is the record, so a failure after it leaves nothing in the
    // broker that the platform does not know about (a name taken meanwhile fails here, before any
    // push). A push that fails takes the row back.
    try {
      store.insert(new AccountRow(account, jwt, iat));
    } catch (UnableToExecuteStatementException e) {
      if (store.find(name).isPresent()) { // created by a concurrent request
        throw new ConflictException("account '" + name + "' already exists");
      }
      throw e;
    }
    try {
      jwts.pushNew(jwt, newKeys);
    } catch (RuntimeException e) {
      store.delete(name);
      throw e;
    }
    try {
      provision(name, plan);
    } catch (RuntimeException e) {
      // E.g. the broker has no room left for the plan's storage (10047): take everything back,
      // so that neither the broker nor the next start finds a half-made tenant.
      LOG.warn("account {} could not be provisioned, taking it back: {}", name, e.getMessage());
      jwts.delete(account.publicKey());
      store.delete(name);
      if (newKeys) {
        vault.remove(AccountKeys.identity(name));
        vault.remove(AccountKeys.signing(name));
      }
      throw e;
    }
    audit.record(actor, "account.created", name, name, Map.of("plan", plan.name()));
    LOG.info("account {} created on plan {}", name, plan.name());
    tell(account, AccountChange.CREATED);
    return account;
  }

  /** Account {@code name}, created on {@code planName} by the platform if it does not exist. */
  public Account ensure(String name, String planName) {
    return store
        .find(name)
        .map(AccountRow::account)
        .orElseGet(() -> create(name, planName, "", Actor.PLATFORM));
  }

  /**
   * @throws NotFoundException when it does not exist
   */
  public Account get(String name) {
    return row(name).account();
  }

  /** Every account, in creation order, in one read. */
  public List<Account> all() {
    return store.all().stream().map(AccountRow::account).toList();
  }

  /** Whether account {@code name} exists (now). */
  public boolean exists(String name) {
    return store.find(name).isPresent();
  }

  /** A page of every account, or only {@code only} when not null. */
  public Page<Account> list(PageRequest request, String only) {
    return store.page(request, only);
  }

  /**
   * Changes the plan and/or the description (null: unchanged). A plan change reaches the broker at
   * once; when it lowers the event retention, the stream shrinks first so that the lower storage
   * limit never finds it over-reserved.
   */
  public Account update(String name, String planName, String description, Actor actor) {
    AccountRow row = row(name);
    Plan oldPlan = plan(row.account().plan());
    Plan newPlan = planName == null ? oldPlan : plan(planName);
    String text = description == null ? row.account().description() : description(description);
    if (!newPlan.equals(oldPlan)) {
      checkRoom(newPlan, oldPlan);
    }
    Instant now = Times.now(clock);
    boolean shrinking = newPlan.eventMaxBytes() < oldPlan.eventMaxBytes();
    if (shrinking) {
      provision(name, newPlan);
    }
    store.update(name, newPlan.name(), text, now);
    recentPlans.forgetAll();
    if (!newPlan.equals(oldPlan)) {
      jwts.publish(name);
      if (!shrinking) {
        try {
          provision(name, newPlan);
        } catch (RuntimeException e) {
          // The broker took the new limits but not the stream (e.g. no room for its storage):
          // go back to the old plan everywhere rather than leave the database, the JWT and the
          // stream disagreeing.
          LOG.warn(
              "plan {} for account {} failed, back to {}: {}",
              newPlan.name(),
              name,
              oldPlan.name(),
              e.getMessage());
          store.update(name, oldPlan.name(), row.account().description(), now);
          recentPlans.forgetAll();
          jwts.publish(name);
          throw e;
        }
      }
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    if (!Objects.equals(newPlan.name(), oldPlan.name())) {
      detail.put("plan", newPlan.name());
      detail.put("previous_plan", oldPlan.name());
    }
    if (description != null) {
      detail.put("description", text);
    }
    audit.record(actor, "account.updated", name, name, detail);
    return get(name);
  }

  /**
   * Deletes account {@code name}: its streams and data, its JWT (its users' connections drop), its
   * keys and its rows.
   *
   * @param confirm must equal {@code name}, so that a slip of the keyboard deletes nothing
   */
  public void delete(String name, String confirm, Actor actor) {
    AccountRow row = row(name);
    if (!name.equals(confirm)) {
      throw new InvalidRequestException(
          "confirm", "must repeat the account name '" + name + "' to delete it");
    }
    Set<String> sharedWith = new TreeSet<>();
    shares.grantedBy(name).forEach(share -> sharedWith.add(share.grantee()));
    shares.grantedTo(name).forEach(share -> sharedWith.add(share.account()));
    broker.deleteStreams(issuer(name));
    jwts.delete(row.account().publicKey());
    store.delete(name); // and, by cascade, its servers, users, revocations and shares
    for (String other : sharedWith) {
      jwts.publish(other); // drop the exports and imports of the shares that went with it
    }
    vault.remove(AccountKeys.identity(name));
    vault.remove(AccountKeys.signing(name));
    audit.record(actor, "account.deleted", name, name, Map.of());
    LOG.info("account {} deleted", name);
    tell(row.account(), AccountChange.DELETED);
  }

  /**
   * Provisions {@code name}'s streams for {@code plan}.
   *
   * @throws PlanDoesNotFitException when the broker has no room for a stream, saying how much it
   *     has
   */
  private void provision(String name, Plan plan) {
    try {
      broker.provision(issuer(name), plan);
    } catch (InsufficientStorageException e) {
      Room room = room(e.memory());
      throw new PlanDoesNotFitException(
          plan.name(), e.memory() ? "memory" : "disk", e.reserves(), room.left(), room.max(), e);
    }
  }

  /**
   * Refuses {@code plan} (replacing {@code replaced}, or null for a new account) before anything
   * changes when the broker cannot hold what its limits add: nats-server 2.9 enables JetStream for
   * an account only if its storage limits fit in what the node has left to reserve (its streams'
   * max_bytes are what is reserved), and an account over that gets no JetStream at all: its streams
   * then fail with no responders, which read as "cannot reach JetStream" (503).
   *
   * @throws PlanDoesNotFitException naming the storage that is short
   */
  private void checkRoom(Plan plan, Plan replaced) {
    int replicas = broker.replicas();
    long disk = (plan.diskStorage() - (replaced == null ? 0 : replaced.diskStorage())) * replicas;
    long memory =
        (plan.memoryStorage() - (replaced == null ? 0 : replaced.memoryStorage())) * replicas;
    if (disk <= 0 && memory <= 0) {
      return;
    }
    Room diskRoom = room(false);
    if (diskRoom.left() >= 0 && disk > diskRoom.left()) {
      throw new PlanDoesNotFitException(
          plan.name(), "disk", disk, diskRoom.left(), diskRoom.max(), null);
    }
    Room memoryRoom = room(true);
    if (memoryRoom.left() >= 0 && memory > memoryRoom.left()) {
      throw new PlanDoesNotFitException(
          plan.name(), "memory", memory, memoryRoom.left(), memoryRoom.max(), null);
    }
  }

  /** What the broker node with the most room has left, and its maximum; -1 when unknown. */
  private record Room(long left, long max) {}

  private Room room(boolean memory) {
    long left = -1;
    long max = -1;
    try {
      for (BrokerStorage node : jwts.brokerStorage()) {
        long nodeLeft = memory ? node.remainingMemory() : node.remainingStorage();
        if (nodeLeft > left) {
          left = nodeLeft;
          max = memory ? node.maxMemory() : node.maxStorage();
        }
      }
    } catch (RuntimeException unknown) {
      // The broker decides then; its refusal is reported as it comes.
      LOG.warn("cannot tell the broker's remaining storage: {}", unknown.getMessage());
    }
    return new Room(left, max);
  }

  /** Seals the tenants' other secrets (webhook secrets, Discord URLs) under the master key. */
  public TenantSecrets secrets() {
    return new TenantSecrets(vault.secrets());
  }

  /** What each broker node can still reserve for streams: for the operator. */
  public List<BrokerStorage> brokerStorage() {
    return jwts.brokerStorage();
  }

  /** What {@code name} uses of its plan. */
  public Usage usage(String name) {
    Account account = get(name);
    Plan plan = plan(account.plan());
    AccountStatistics stats = broker.statistics(issuer(name));
    return new Usage(
        name,
        plan.name(),
        new Usage.Quota(stats.getMemory(), plan.memoryStorage() * broker.replicas()),
        new Usage.Quota(stats.getStorage(), plan.diskStorage() * broker.replicas()),
        new Usage.Quota(stats.getStreams(), plan.streams()),
        new Usage.Quota(stats.getConsumers(), plan.consumers()),
        new Usage.Quota(connections.count(account.publicKey()), plan.connections()),
        broker.replicas());
  }

  /** The JWT of account {@code name} as last pushed. */
  public String jwt(String name) {
    return row(name).jwt();
  }

  /**
   * Provisions the streams of every account as the configuration wants them now (at start: a
   * changed de-duplication window or replica count reaches existing streams).
   */
  public void provisionAll() {
    for (AccountRow row : store.all()) {
      provision(row.name());
    }
  }

  /**
   * Brings the streams of account {@code name} to its plan, as at start (nothing is changed when
   * they match); a failure is logged, not thrown: one tenant the broker cannot serve must not keep
   * the platform, and every other tenant, from starting.
   */
  public void provision(String name) {
    try {
      broker.provision(issuer(name), plan(get(name).plan()));
    } catch (RuntimeException e) {
      LOG.error("cannot provision the streams of account {}: {}", name, e.getMessage());
    }
  }

  /** Brings the resolver in line with the database at start; see {@link AccountJwts#reconcile}. */
  public int reconcile() {
    return jwts.reconcile();
  }

  /**
   * Pushes the stored JWT of account {@code name} if the resolver holds a different one (the part
   * of {@link #reconcile} left to each tenant's start); a failure is logged, not thrown.
   */
  public void checkJwt(String name) {
    try {
      if (jwts.check(name)) {
        LOG.info("account {}: the resolver held another JWT; pushed the stored one", name);
      }
    } catch (RuntimeException e) {
      LOG.error("cannot check the JWT of account {} in the resolver: {}", name, e.getMessage());
    }
  }

  /** The plan of account {@code name}. */
  public Plan planOf(String name) {
    return recentPlans.get(name, account -> plan(get(account).plan()));
  }

  /** How long account {@code name}'s {@code EVENTS} stream keeps an event (its plan's). */
  public Duration eventMaxAge(String name) {
    return planOf(name).eventMaxAge();
  }

  /**
   * Credentials of a short-lived internal user of account {@code name}, for the platform's own work
   * inside a tenant (its durable consumers, stream management); never written anywhere.
   */
  public AuthHandler internalUser(String name, String purpose, Duration lifetime) {
    return issuer(name).internal(purpose, lifetime).authHandler();
  }

  /**
   * Calls {@code listener} after every account created or deleted from now on, on the thread that
   * made the change; capabilities that keep something per tenant (consumers, subscriptions) start
   * and stop it there. A listener must not throw.
   */
  public void onChange(AccountListener listener) {
    listeners.add(listener);
  }

  private void tell(Account account, AccountChange change) {
    recentPlans.forgetAll();
    for (AccountListener listener : listeners) {
      try {
        listener.changed(account, change);
      } catch (RuntimeException e) {
        LOG.error("a listener of account {} failed: {}", account.name(), e.toString());
      }
    }
  }

  /** An issuer of user creds of account {@code name}. */
  public CredsIssuer issuer(String name) {
    AccountRow row = row(name);
    NKey signing = vault.find(AccountKeys.signing(name)).orElseThrow();
    return new CredsIssuer(row.account().publicKey(), signing);
  }

  private AccountRow row(String name) {
    return store.find(name).orElseThrow(() -> new NotFoundException("account", name));
  }

  private Plan plan(String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidRequestException("plan", "is required; one of " + plans.names());
    }
    return plans
        .find(name)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "plan", "'" + name + "' is not a plan; one of " + plans.names()));
  }

  private static String description(String description) {
    return Names.text("description", description == null ? "" : description, MAX_DESCRIPTION);
  }
}
