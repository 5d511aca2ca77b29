package dev.gamingapi.server.http;

import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the live event streams whose right to read is gone: a token revoked, rotated or expired, an
 * account deleted, or the share a stream reads deleted. REST asks for the token on every request; a
 * stream asked once, so it is asked again here every {@link #PERIOD} for all open streams at once
 * (one lookup per distinct token and per account, not per stream). Polling rather than listening to
 * revocations: it also sees an expiry, and a revocation made by another instance of a cluster, with
 * nothing to publish.
 */
final class StreamGuard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamGuard.class);

  /** Short enough that a stream ends within a second of losing its right. */
  static final Duration PERIOD = Duration.ofMillis(400);

  /**
   * What a stream was allowed on: its caller's token (null for the operator) and account, and the
   * account sharing the events it reads (null: its own).
   */
  private record Grant(String token, String account, String sharedBy) {}

  private final TenancyServices tenancy;
  private final Map<SseClient, Grant> streams = new ConcurrentHashMap<>();
  private final ScheduledExecutorService checks =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().name("gamingapi-sse-guard").daemon().unstarted(task));

  StreamGuard(TenancyServices tenancy) {
    this.tenancy = tenancy;
    checks.scheduleWithFixedDelay(
        this::check, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Watches {@code client} until it closes; {@code token} is null for the operator, {@code
   * sharedBy} null when the stream reads the caller's own account.
   */
  void watch(SseClient client, String token, String account, String sharedBy) {
    streams.put(client, new Grant(token, account, sharedBy));
  }

  void forget(SseClient client) {
    streams.remove(client);
  }

  private void check() {
    try {
      Map<String, Boolean> tokens = new HashMap<>();
      Map<String, Boolean> accounts = new HashMap<>();
      Map<Grant, Boolean> shares = new HashMap<>();
      for (Map.Entry<SseClient, Grant> stream : List.copyOf(streams.entrySet())) {
        Grant grant = stream.getValue();
        boolean allowed =
            accounts.computeIfAbsent(grant.account(), tenancy.accounts()::exists)
                && (grant.token() == null
                    || tokens.computeIfAbsent(grant.token(), this::authenticates))
                && (grant.sharedBy() == null
                    || shares.computeIfAbsent(
                        new Grant(null, grant.account(), grant.sharedBy()), this::shared));
        if (!allowed) {
          end(stream.getKey());
        }
      }
    } catch (RuntimeException e) {
      // E.g. the database cannot say whether a token still works: end every stream rather than
      // keep them without checks; their clients reconnect and are asked again.
      LOG.warn("events streams ended, their tokens cannot be checked: {}", e.getMessage());
      List.copyOf(streams.keySet()).forEach(this::end);
    }
  }

  private boolean shared(Grant grant) {
    try {
      tenancy.shares().between(grant.sharedBy(), grant.account());
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private boolean authenticates(String token) {
    return tenancy.users().authenticate(token).isPresent();
  }

  private void end(SseClient client) {
    streams.remove(client);
    synchronized (client) {
      client.close();
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }
}
