package dev.gamingapi.server.eventlog;

import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.contract.subject.EventSubject;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.accounts.AccountChange;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.BrokerException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reads tenants' {@code EVENTS} streams for the events routes, with ordered push consumers: they
 * need no acknowledgements, leave nothing on the broker, and are recreated by jnats after a gap.
 * One connection per tenant, as a long-lived internal user, opened on first use and closed when the
 * account is deleted.
 */
public final class EventLogReader implements AutoCloseable {
  private static final String STREAM = Subjects.EVENT_STREAM;

  /** How long a replay waits for the next message it knows is pending. */
  private static final Duration NEXT = Duration.ofSeconds(2);

  /** At most this many messages are looked at for one page, so a narrow filter cannot hang it. */
  private static final int MAX_SCANNED = 20_000;

  private final String url;
  private final Accounts accounts;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();

  public EventLogReader(String url, Accounts accounts) {
    this.url = url;
    this.accounts = accounts;
    accounts.onChange(
        (account, change) -> {
          if (change == AccountChange.DELETED) {
            Connection gone = connections.remove(account.name());
            if (gone != null) {
              BrokerConnections.closeQuietly(gone);
            }
          }
        });
  }

  /**
   * Where to start reading: after a sequence, or from a time; neither means from the start.
   *
   * @param after the last sequence already seen (0: none)
   * @param since the earliest storage time, or null
   */
  public record Start(long after, Instant since) {}

  /** The events of {@code account} selected by {@code filter} and {@code scope}, in log order. */
  public EventView.Page replay(
      String account, EventFilter filter, EventScope scope, Start start, int limit) {
    Connection connection = connection(account);
    JetStreamSubscription subscription = null;
    try {
      long last =
          connection.jetStreamManagement().getStreamInfo(STREAM).getStreamState().getLastSequence();
      if (last == 0 || start.after() >= last) {
        return new EventView.Page(List.of(), null);
      }
      subscription =
          connection.jetStream().subscribe(filter.natsSubject(), options(start, Duration.ZERO));
      ConsumerInfo info = subscription.getConsumerInfo();
      if (info.getNumPending() == 0 && info.getDelivered().getConsumerSequence() == 0) {
        return new EventView.Page(List.of(), null);
      }
      List<EventView> items = new ArrayList<>();
      int scanned = 0;
      while (true) {
        Message message = subscription.nextMessage(NEXT);
        if (message == null) {
          return new EventView.Page(items, null);
        }
        long sequence = message.metaData().streamSequence();
        EventView view = view(message, sequence, filter, scope);
        if (view != null) {
          items.add(view);
        }
        boolean end = message.metaData().pendingCount() == 0 || sequence >= last;
        if (end) {
          return new EventView.Page(items, null);
        }
        if (items.size() >= limit || ++scanned >= MAX_SCANNED) {
          return new EventView.Page(items, Long.toString(sequence));
        }
      }
    } catch (IOException | JetStreamApiException e) {
      throw new BrokerException("cannot read the events of " + account + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while reading the events of " + account, e);
    } finally {
      if (subscription != null) {
        subscription.unsubscribe();
      }
    }
  }

  /**
   * Delivers the selected events from {@code start} on, then new ones as they are stored, to {@code
   * sink} on one thread in log order, until the returned handle is closed.
   */
  public AutoCloseable follow(
      String account, EventFilter filter, EventScope scope, Start start, Consumer<EventView> sink) {
    Connection connection = connection(account);
    Dispatcher dispatcher = connection.createDispatcher();
    try {
      connection
          .jetStream()
          .subscribe(
              filter.natsSubject(),
              dispatcher,
              message -> {
                EventView view = view(message, message.metaData().streamSequence(), filter, scope);
                if (view != null) {
                  sink.accept(view);
                }
              },
              false,
              options(start, Duration.ofSeconds(2)));
    } catch (IOException | JetStreamApiException e) {
      connection.closeDispatcher(dispatcher);
      throw new BrokerException(
          "cannot follow the events of " + account + ": " + e.getMessage(), e);
    }
    return () -> connection.closeDispatcher(dispatcher);
  }

  // The same consumers as the SDK's EventReader (its ReadConsumers), which cannot serve here: it is
  // package-private and connects with a creds file, while the platform connects as an internal
  // user.
  private static PushSubscribeOptions options(Start start, Duration heartbeat) {
    ConsumerConfiguration.Builder config = ConsumerConfiguration.builder();
    if (!heartbeat.isZero()) {
      // Lets jnats notice a consumer lost with a restarted broker, and recreate it.
      config.idleHeartbeat(heartbeat);
    }
    if (start.after() > 0) {
      config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(start.after() + 1);
    } else if (start.since() != null) {
      config
          .deliverPolicy(DeliverPolicy.ByStartTime)
          .startTime(start.since().atZone(ZoneOffset.UTC));
    } else {
      config.deliverPolicy(DeliverPolicy.All);
    }
    return PushSubscribeOptions.builder().stream(STREAM)
        .ordered(true)
        .configuration(config.build())
        .build();
  }

  /** The view of {@code message}, or null when the filter or the scope leaves it out. */
  private static EventView view(
      Message message, long sequence, EventFilter filter, EventScope scope) {
    EventSubject subject;
    try {
      subject = Subjects.parseEvent(message.getSubject());
    } catch (ContractException notAnEventSubject) {
      return null;
    }
    if (!filter.matches(subject) || !scope.allows(subject.serverId(), subject.type())) {
      return null;
    }
    var headers = message.getHeaders();
    String id = headers == null ? null : headers.getFirst(CloudEventHeaders.ID);
    String time = headers == null ? null : headers.getFirst(CloudEventHeaders.TIME);
    return EventView.of(sequence, subject, id, time, message.getData());
  }

  /**
   * Opens the connection to {@code account} if it is not open yet.
   *
   * @throws BrokerException when the broker cannot be reached
   */
  public void connect(String account) {
    connection(account);
  }

  private Connection connection(String account) {
    return connections.computeIfAbsent(
        account,
        name ->
            BrokerConnections.connect(
                url,
                // No expiry: the broker would drop a long-lived connection at expiry; the user
                // lives in memory only and goes with the account's JWT.
                accounts.internalUser(name, "events api", null),
                "gamingapi-events " + name,
                true));
  }

  @Override
  public void close() {
    connections.values().forEach(BrokerConnections::closeQuietly);
    connections.clear();
  }
}
