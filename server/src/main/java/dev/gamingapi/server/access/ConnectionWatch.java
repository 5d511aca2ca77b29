package dev.gamingapi.server.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.accounts.Account;
import dev.gamingapi.server.accounts.AccountStore;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.accounts.ConnectionCounter;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces the plans' connection quotas. It watches client connections ({@code
 * $SYS.ACCOUNT.*.CONNECT}); when one takes its tenant over the quota, the user that opened it is
 * suspended for a while ({@link Users#suspend}: all its connections drop, new ones are refused),
 * then let back in with the same credentials. Every excess is logged and audited ({@code
 * connections.over_quota}, at most one a minute per account; {@code user.suspended}).
 *
 * <p>Why this way: the broker's own connection limit cannot be used on nats-server 2.9 (an account
 * update then applies it to the account's internal JetStream clients and breaks its streams), and
 * 2.9 has no request that disconnects one client. A temporary revocation of the offending user's
 * key is the narrowest cut the broker offers. With a suspension length of zero the platform only
 * reports.
 */
public final class ConnectionWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long REPORT_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final AccountStore accounts;
  private final Accounts service;
  private final Users users;
  private final ConnectionCounter counter;
  private final AuditLog audit;
  private final Duration suspension;
  private final Map<String, Long> lastReport = new ConcurrentHashMap<>();
  private final Connection system;
  private final Dispatcher dispatcher;
  private final ScheduledExecutorService lifter;
  private volatile MeterRegistry metrics;

  public ConnectionWatch(
      Connection system,
      AccountStore accounts,
      Accounts service,
      Users users,
      ConnectionCounter counter,
      AuditLog audit,
      Duration suspension) {
    this.system = system;
    this.accounts = accounts;
    this.service = service;
    this.users = users;
    this.counter = counter;
    this.audit = audit;
    this.suspension = suspension;
    this.dispatcher = system.createDispatcher(this::onConnect);
    dispatcher.subscribe("$SYS.ACCOUNT.*.CONNECT");
    this.lifter =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("gamingapi-suspensions").daemon().unstarted(task));
    lifter.scheduleWithFixedDelay(this::lift, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Counts every connection that takes a tenant over its quota on {@code registry} ({@code
   * gamingapi_tenant_over_quota_total{account, quota="connections"}}), each one, unlike the log and
   * the audit, which say it at most once a minute.
   */
  public void bindMetrics(MeterRegistry registry) {
    this.metrics = registry;
  }

  private void onConnect(Message message) {
    try {
      JsonNode client = JSON.readTree(message.getData()).path("client");
      accounts
          .findByPublicKey(client.path("acc").asText())
          .ifPresent(row -> check(row.account(), client.path("user").asText(null)));
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot check a connect event against the connection quota: {}", e.toString());
    }
  }

  private void check(Account account, String userKey) {
    Plan plan = service.planOf(account.name());
    long count = counter.count(account.publicKey());
    if (count <= plan.connections()) {
      return;
    }
    count(account);
    report(account, plan, count, userKey);
    if (userKey != null && !suspension.isZero()) {
      String reason =
          "connection quota: "
              + count
              + " connections, plan "
              + plan.name()
              + " allows "
              + plan.connections();
      if (users.suspend(account.name(), userKey, suspension, reason)) {
        LOG.warn(
            "suspended user key {} of account {} for {}: {}",
            userKey,
            account.name(),
            suspension,
            reason);
      }
    }
  }

  private void count(Account account) {
    MeterRegistry registry = metrics;
    if (registry != null) {
      Counter.builder("gamingapi.tenant.over.quota")
          .description("connections that took a tenant over its plan's quota")
          .tag("account", account.name())
          .tag("quota", "connections")
          .register(registry)
          .increment();
    }
  }

  private void report(Account account, Plan plan, long count, String userKey) {
    long now = System.nanoTime();
    Long last = lastReport.get(account.name());
    if (last != null && now - last < REPORT_EVERY_NANOS) {
      return;
    }
    lastReport.put(account.name(), now);
    LOG.warn(
        "account {} has {} connections, over the {} of plan {}",
        account.name(),
        count,
        plan.connections(),
        plan.name());
    audit.record(
        Actor.PLATFORM,
        "connections.over_quota",
        account.name(),
        userKey == null ? account.name() : userKey,
        Map.of("connections", count, "limit", plan.connections()));
  }

  private void lift() {
    try {
      users.liftSuspensions();
    } catch (RuntimeException e) {
      // An escaping exception would cancel the schedule.
      LOG.warn("lifting ended suspensions failed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    lifter.shutdownNow();
    system.closeDispatcher(dispatcher);
  }
}
