package dev.gamingapi.server.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.control.Plan;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches client connections ({@code $SYS.ACCOUNT.*.CONNECT}) and reports a tenant that goes over
 * its plan's connection quota: a warning in the log and an audit entry {@code
 * connections.over_quota} (at most one a minute per account), and the count in the account's usage.
 *
 * <p>Why only report: the broker's own connection limit cannot be used on nats-server 2.9 (an
 * account update then applies it to the account's internal JetStream clients and breaks its
 * streams), and 2.9 has no request to disconnect one client. Refusing the connection needs
 * nats-server 2.10 (kick) or 2.11 (the limit fixed).
 */
public final class ConnectionWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionWatch.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long REPORT_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

  private final AccountStore accounts;
  private final Accounts service;
  private final ConnectionCounter counter;
  private final AuditLog audit;
  private final Map<String, Long> lastReport = new ConcurrentHashMap<>();
  private final Dispatcher dispatcher;
  private final Connection system;

  ConnectionWatch(
      Connection system,
      AccountStore accounts,
      Accounts service,
      ConnectionCounter counter,
      AuditLog audit) {
    this.system = system;
    this.accounts = accounts;
    this.service = service;
    this.counter = counter;
    this.audit = audit;
    this.dispatcher = system.createDispatcher(this::onConnect);
    dispatcher.subscribe("$SYS.ACCOUNT.*.CONNECT");
  }

  private void onConnect(Message message) {
    try {
      JsonNode client = JSON.readTree(message.getData()).path("client");
      String accountKey = client.path("acc").asText();
      accounts
          .findByPublicKey(accountKey)
          .ifPresent(row -> check(row.account(), client.path("user").asText(null)));
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot check a connect event: {}", e.toString());
    }
  }

  private void check(Account account, String userKey) {
    Plan plan = service.planOf(account.name());
    long count = counter.count(account.publicKey());
    if (count <= plan.connections()) {
      return;
    }
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

  @Override
  public void close() {
    system.closeDispatcher(dispatcher);
  }
}
