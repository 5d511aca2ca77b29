package dev.gamingapi.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.server.access.UserKind;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.eventlog.EventLogReader;
import dev.gamingapi.server.eventlog.EventScope;
import dev.gamingapi.server.eventlog.EventView;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's event log over HTTP: a replay page ({@code GET .../events}) and a live stream of
 * server-sent events ({@code GET .../events/stream}) whose {@code id} is the log sequence, so a
 * client that reconnects with {@code Last-Event-ID} (or {@code ?after=}) misses nothing and gets
 * nothing twice. What a token sees is its NATS scope ({@link EventScope}).
 *
 * <p>The same two routes under {@code .../shared/{owner}/events} read what another account shares
 * with this one, within the share's servers: the platform reads the sharing account's log for the
 * grantee, so the grantee needs no rights in it, and a deleted share stops a page at once and a
 * stream within {@link StreamGuard#PERIOD}.
 */
final class EventRoutes implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventRoutes.class);
  private static final String EVENTS = "/api/v1/accounts/{account}/events";
  private static final String SHARED = "/api/v1/accounts/{account}/shared/{owner}/events";
  private static final String LAST_EVENT_ID = "Last-Event-ID";
  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;

  /** Often enough that proxies keep the stream open; rights are checked by {@link StreamGuard}. */
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);

  private final TenancyServices tenancy;
  private final EventLogReader logs;
  private final StreamGuard guard;
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().name("gamingapi-sse-heartbeat").daemon().unstarted(task));

  EventRoutes(TenancyServices tenancy, String brokerUrl) {
    this.tenancy = tenancy;
    this.logs = new EventLogReader(brokerUrl, tenancy.accounts());
    this.guard = new StreamGuard(tenancy);
  }

  void register(RoutesConfig routes) {
    routes.get(EVENTS, this::replay);
    routes.get(EVENTS + "/stream", this::stream);
    routes.get(SHARED, this::replay);
    routes.get(SHARED + "/stream", this::stream);
  }

  /**
   * A request's log, filter, scope and start, checked before anything is answered.
   *
   * @param account the account whose log is read: the caller's, or the one sharing with it
   * @param reader the caller's account
   */
  private record Selection(
      String account,
      String reader,
      EventFilter filter,
      EventScope scope,
      EventLogReader.Start start) {
    boolean shared() {
      return !account.equals(reader);
    }
  }

  private Selection select(Context ctx, String afterField, String afterText) {
    String reader = ctx.pathParam("account");
    Caller caller = Requests.caller(ctx);
    caller.requireAccount(reader);
    Requests.requireExisting(ctx, tenancy.accounts(), reader);
    String owner = ctx.pathParamMap().get("owner");
    String account = owner == null ? reader : owner;
    EventScope scope =
        owner == null ? EventScope.of(caller.user()) : sharedScope(caller, owner, reader);
    String server = checked("server", blankToNull(ctx.queryParam("server")), Ids::server);
    String player = checked("player", blankToNull(ctx.queryParam("player")), Ids::player);
    String type = checked("type", blankToNull(ctx.queryParam("type")), EventCatalog::resolve);
    EventFilter requested;
    try {
      requested = new EventFilter(server, player, type);
    } catch (ContractException e) {
      throw ApiException.invalid("player", e.getMessage());
    }
    EventFilter filter = scope.narrow(requested);
    long after = afterText == null ? 0 : sequence(afterField, afterText);
    // A reconnecting client sends Last-Event-ID to the same URL: the position wins over since.
    Instant since = afterField.equals(LAST_EVENT_ID) ? null : time(ctx.queryParam("since"));
    if (after > 0 && since != null) {
      throw ApiException.invalid("since", "cannot be combined with a position to resume after");
    }
    return new Selection(account, reader, filter, scope, new EventLogReader.Start(after, since));
  }

  /**
   * What {@code grantee} may read of {@code owner}'s log: the servers of the share, for the
   * grantee's owners and the operator. Apps and game servers subscribe to nothing shared over NATS
   * either.
   */
  private EventScope sharedScope(Caller caller, String owner, String grantee) {
    if (!caller.isOperator() && caller.user().kind() != UserKind.OWNER) {
      throw ApiException.forbidden(
          "only an owner of " + grantee + " or the operator reads what other accounts share");
    }
    return new EventScope(tenancy.shares().between(owner, grantee).servers(), List.of());
  }

  private void replay(Context ctx) {
    Selection selection = select(ctx, "cursor", blankToNull(ctx.queryParam("cursor")));
    int limit = limit(ctx.queryParam("limit"));
    ctx.json(
        logs.replay(
            selection.account(), selection.filter(), selection.scope(), selection.start(), limit));
  }

  private void stream(Context ctx) throws Exception {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw ApiException.notAcceptable("this route answers text/event-stream; send it in Accept");
    }
    // A reconnecting EventSource sends Last-Event-ID; a first request may name ?after=.
    String lastEventId = blankToNull(ctx.header(LAST_EVENT_ID));
    Selection selection =
        lastEventId != null
            ? select(ctx, LAST_EVENT_ID, lastEventId)
            : select(ctx, "after", blankToNull(ctx.queryParam("after")));
    Caller caller = Requests.caller(ctx);
    String token =
        caller.isOperator()
            ? null
            : ctx.header("Authorization").substring("Bearer ".length()).strip();
    // Connects now, while a broker that cannot be reached can still be answered with a 503: once
    // the stream has started, the status is 200 and a failure can only end it.
    logs.connect(selection.account());
    new SseHandler(client -> follow(client, selection, token)).handle(ctx);
  }

  /** Streams {@code selection} until the client leaves or {@code token} (null: operator) fails. */
  private void follow(SseClient client, Selection selection, String token) {
    AutoCloseable subscription;
    try {
      subscription =
          logs.follow(
              selection.account(),
              selection.filter(),
              selection.scope(),
              selection.start(),
              event -> send(client, event));
    } catch (RuntimeException e) {
      // The client reconnects with its Last-Event-ID, and is told then if it still fails.
      LOG.warn("events stream of {} not started: {}", selection.account(), e.getMessage());
      client.close();
      return;
    }
    ScheduledFuture<?> beat =
        heartbeats.scheduleWithFixedDelay(
            () -> beat(client), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    guard.watch(client, token, selection.reader(), selection.shared() ? selection.account() : null);
    client.onClose(
        () -> {
          guard.forget(client);
          beat.cancel(false);
          try {
            subscription.close();
          } catch (Exception e) {
            // The connection is going anyway; nothing to tell the client that left.
          }
        });
    synchronized (client) {
      client.sendComment("stream of " + selection.account());
    }
    client.keepAlive();
  }

  /** A heartbeat comment, so that proxies keep an idle stream open. */
  private void beat(SseClient client) {
    synchronized (client) {
      if (!client.terminated()) {
        client.sendComment("heartbeat");
      }
    }
  }

  private static void send(SseClient client, EventView event) {
    String json;
    try {
      json = ApiJson.MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    synchronized (client) {
      if (!client.terminated()) {
        client.sendEvent("event", json, Long.toString(event.sequence()));
      }
    }
  }

  private static long sequence(String field, String text) {
    try {
      long value = Long.parseLong(text.strip());
      if (value < 0) {
        throw ApiException.invalid(field, "must be a stream sequence, 0 or more");
      }
      return value;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(field, "must be a stream sequence, 0 or more");
    }
  }

  private static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "since", "must be an RFC 3339 time like 2027-01-01T00:00:00Z");
    }
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.invalid("limit", "must be a number from 1 to " + MAX_LIMIT);
  }

  /** {@code value} when {@code check} accepts it; a 400 naming {@code field} when not. */
  private static String checked(String field, String value, Consumer<String> check) {
    if (value != null) {
      try {
        check.accept(value);
      } catch (ContractException e) {
        throw ApiException.invalid(field, e.getMessage());
      }
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public void close() {
    guard.close();
    heartbeats.shutdownNow();
    logs.close();
  }
}
