package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.TenantLink;
import dev.gamingapi.server.cluster.TenantOwnership;
import dev.gamingapi.server.cluster.TenantStart;
import dev.gamingapi.server.cluster.TenantWorker;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications: rules per tenant and their delivery from the event log. One {@link TenantFeed} per
 * tenant (started for every existing tenant at start, and for each new one as it is created),
 * reading through a short-lived internal user of that tenant, renewed at every reconnect.
 */
public final class Notifier implements AutoCloseable {
  /** The type of a test notification. */
  public static final String TEST_TYPE = "notification.test";

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final Accounts accounts;
  private final PullPolicy pulls;
  private final TenantLink.Opener links;
  private final NotifyConfig config;
  private final RuleStore store;
  private final DeliveryLog log;
  private final DeliveryCounts counts = new DeliveryCounts();
  private final Sender sender;
  private final Rules rules;
  private final Clock clock;
  private final Map<String, TenantFeed> feeds = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private Notifier(
      Database database,
      Accounts accounts,
      NotifyConfig config,
      PullPolicy pulls,
      TenantLink.Opener links,
      Clock clock) {
    this.accounts = accounts;
    this.pulls = pulls;
    this.links = links;
    this.config = config;
    this.clock = clock;
    this.store = new RuleStore(database.jdbi(), accounts.secrets());
    int sealed = store.sealLegacy();
    if (sealed > 0) {
      LOG.info("sealed the URLs and secrets of {} notification rule(s) at rest", sealed);
    }
    this.log = new DeliveryLog(database.jdbi(), clock);
    UrlGuard guard = new UrlGuard(config.allowPrivate());
    this.sender = new Sender(guard, config.requestTimeout(), clock);
    this.rules = new Rules(store, accounts, guard, this::rulesChanged, clock);
  }

  /**
   * Starts delivering for the tenants that {@code ownership} gives this instance, as it gives and
   * takes them.
   *
   * @param pulls how the tenants' consumers pull, and when idle ones park
   * @param links the tenants' connections, shared with the platform's other work in them
   * @param clock what rate windows, pauses and unresponsive servers are measured on
   */
  public static Notifier start(
      Database database,
      Accounts accounts,
      NotifyConfig config,
      PullPolicy pulls,
      TenantLink.Opener links,
      TenantOwnership ownership,
      Clock clock) {
    Notifier notifier = new Notifier(database, accounts, config, pulls, links, clock);
    ownership.register(
        new TenantWorker() {
          @Override
          public void start(String account, TenantStart start) {
            notifier.startFeed(account, start);
          }

          @Override
          public void stop(String account) {
            notifier.stopFeed(account);
          }
        });
    return notifier;
  }

  /**
   * Counts delivery attempts on {@code metrics} ({@code gamingapi_notification_attempts_total}).
   */
  public void bindMetrics(MeterRegistry metrics) {
    counts.bind(metrics);
  }

  /** The rules: create, read, change, delete. */
  public Rules rules() {
    return rules;
  }

  /** A page of rule {@code id}'s delivery log, newest first. */
  public Page<Delivery> deliveries(String account, String id, PageRequest request) {
    rules.get(account, id);
    return log.page(id, request);
  }

  /**
   * Sends a test notification to rule {@code id} now, once, paused or not, and logs it; answers the
   * log entry.
   */
  public Delivery test(String account, String id) {
    Rule rule = rules.get(account, id);
    ObjectNode data = JsonNodeFactory.instance.objectNode().put("rule", rule.name());
    NotifyEvent event =
        new NotifyEvent(
            0,
            "test-" + UUID.randomUUID(),
            TEST_TYPE,
            rule.servers().isEmpty() ? "test" : rule.servers().get(0),
            null,
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            data);
    Sender.Result result = sender.send(rule, event);
    String outcome = result.delivered() ? "delivered" : "failed";
    log.record(
        id, event, 1, outcome, result.status() == 0 ? null : result.status(), result.excerpt());
    return log.page(id, new PageRequest(1, null)).items().get(0);
  }

  private void stopFeed(String account) {
    TenantFeed feed = feeds.remove(account);
    if (feed != null) {
      feed.close();
    }
  }

  private void startFeed(String account, TenantStart start) {
    if (closed) {
      return;
    }
    feeds.computeIfAbsent(
        account,
        name ->
            new TenantFeed(
                name,
                links,
                () -> store.all(name),
                rule -> new RuleWorker(rule, sender, store, log, counts, config, clock),
                config.heartbeatTimeout(),
                pulls,
                clock,
                start));
    LOG.debug("notifications of account {} started", account);
  }

  private void rulesChanged(String account) {
    TenantFeed feed = feeds.get(account);
    if (feed != null) {
      feed.reload();
    }
  }

  /**
   * Stops every feed and the HTTP client; undelivered events stay in the log for the next start.
   */
  @Override
  public void close() {
    closed = true;
    feeds.values().forEach(TenantFeed::stop);
    feeds.values().forEach(TenantFeed::awaitStopped);
    feeds.clear();
    sender.close();
  }
}
