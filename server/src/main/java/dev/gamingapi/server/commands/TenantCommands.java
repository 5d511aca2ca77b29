package dev.gamingapi.server.commands;

import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.command.PlatformConsumers;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.broker.BrokerException;
import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.broker.TenantLink;
import io.nats.client.Connection;
import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.MessageHandler;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.AckType;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's work inside one tenant account, on the tenant's shared connection: creates the
 * durable command consumer of each game server, publishes commands, and reads the tenant's {@code
 * command.*} events through its own durable consumer on {@code EVENTS} (explicit acks).
 */
final class TenantCommands implements AutoCloseable {
  /** The platform's durable consumer of command results on each tenant's {@code EVENTS}. */
  static final String TRACKER = PlatformConsumers.COMMAND_RESULTS;

  static final String RESULTS = Subjects.serverEvents(Subjects.ANY, "command." + Subjects.REST);

  /**
   * One replica, also on a cluster: nats-server 2.9.10 reports an idle replicated consumer "not
   * current" in its health check after a peer dies, for as long as the consumer stays idle (seen in
   * ClusterTest), which would mark healthy nodes unhealthy. The commands themselves stay replicated
   * with the stream; while the node holding a consumer is down, that server's commands wait.
   */
  private static final int CONSUMER_REPLICAS = 1;

  /** How long a game server may hold a command before it is delivered again. */
  private static final Duration ACK_WAIT = Duration.ofSeconds(30);

  private final String account;
  private final TenantLink link;
  private final Connection connection;
  private final PullPolicy pulls;
  private TrackerParking parking;
  private final JetStream js;
  private final JetStreamManagement jsm;
  private final Set<String> consumers = ConcurrentHashMap.newKeySet();
  private static final int CONSUMER_NOT_FOUND = 10014;

  private volatile MessageConsumer tracking;
  private volatile MessageHandler trackingHandler;
  // Where a lost tracker is recreated from: every result up to it was recorded (acked, or termed
  // as unreadable), none left for redelivery. Results after it delivered again are recorded again,
  // which changes nothing.
  private final AtomicLong recorded = new AtomicLong();
  private final NavigableSet<Long> awaitingRedelivery = new ConcurrentSkipListSet<>();

  TenantCommands(String account, TenantLink link, PullPolicy pulls) {
    this.account = account;
    this.link = link;
    this.connection = link.connection();
    this.pulls = pulls;
    try {
      this.js = connection.jetStream();
      this.jsm = connection.jetStreamManagement();
    } catch (IOException e) {
      throw new BrokerException("cannot open JetStream in the tenant account", e);
    }
  }

  /**
   * Creates (or finds) the durable consumer of {@code server} on {@code COMMANDS}: filtered to its
   * own subject, explicit acks, one command in flight at a time so commands run in order (a command
   * waiting to be retried holds back those behind it).
   */
  void ensureConsumer(String server) {
    if (consumers.contains(server)) {
      return;
    }
    ConsumerConfiguration config =
        ConsumerConfiguration.builder()
            .durable(CommandChannel.consumer(server))
            .filterSubject(CommandChannel.filter(server))
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(DeliverPolicy.All)
            .maxAckPending(1)
            .ackWait(ACK_WAIT)
            .numReplicas(CONSUMER_REPLICAS)
            .build();
    try {
      jsm.addOrUpdateConsumer(CommandChannel.STREAM, config);
      consumers.add(server);
    } catch (IOException | JetStreamApiException e) {
      throw new BrokerException(
          "cannot create the command consumer of server '" + server + "': " + e.getMessage(), e);
    }
  }

  /** Publishes {@code command} to {@code server}'s subject; returns its stream sequence. */
  long publish(String server, CommandMessage command) {
    Headers headers = new Headers();
    headers.put("Nats-Msg-Id", command.commandId());
    headers.put("content-type", "application/json");
    if (command.expiresAt() != null) {
      headers.put(CommandChannel.EXPIRES_AT, command.expiresAt().toString());
    }
    if (command.notBefore() != null) {
      headers.put(CommandChannel.NOT_BEFORE, command.notBefore().toString());
    }
    NatsMessage message =
        NatsMessage.builder()
            .subject(Subjects.command(server, command.name()))
            .headers(headers)
            .data(command.toJson())
            .build();
    try {
      PublishAck ack =
          js.publish(
              message, PublishOptions.builder().expectedStream(CommandChannel.STREAM).build());
      return ack.getSeqno();
    } catch (IOException | JetStreamApiException e) {
      throw new BrokerException("the broker did not store the command: " + e.getMessage(), e);
    }
  }

  /** The stream sequence of the last command handed to {@code server}'s consumer (0: none). */
  long deliveredUpTo(String server) {
    try {
      return jsm.getConsumerInfo(CommandChannel.STREAM, CommandChannel.consumer(server))
          .getDelivered()
          .getStreamSequence();
    } catch (IOException | JetStreamApiException e) {
      throw new BrokerException("cannot read the command consumer of '" + server + "'", e);
    }
  }

  /** Starts reading the tenant's {@code command.*} events into {@code handler}. */
  void track(MessageHandler handler) {
    parking = new TrackerParking(account, connection, RESULTS, pulls, new Parked());
    trackingHandler =
        message -> {
          parking.saw();
          handler.onMessage(message);
          long seq = message.metaData().streamSequence();
          AckType ack = message.lastAck();
          if (ack == AckType.AckAck || ack == AckType.AckTerm) {
            awaitingRedelivery.remove(seq);
            recorded.accumulateAndGet(seq, Math::max);
          } else {
            awaitingRedelivery.add(seq);
          }
        };
    try {
      if (!repairTracker()) {
        consumeResults();
      }
    } catch (IOException | JetStreamApiException e) {
      throw new BrokerException("cannot read the tenant's command events: " + e.getMessage(), e);
    }
  }

  /**
   * Checks that the tracker is still there as the platform made it; recreates it from its last
   * known position when it is missing (deleted by a credential that could, or lost with the
   * broker's state) or changed. Answers whether it had to.
   */
  synchronized boolean repairTracker() throws IOException, JetStreamApiException {
    ConsumerInfo info;
    try {
      info = jsm.getConsumerInfo(Subjects.EVENT_STREAM, TRACKER);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
        throw e;
      }
      info = null;
    }
    if (info != null && asMade(info.getConsumerConfiguration())) {
      recorded.accumulateAndGet(info.getAckFloor().getStreamSequence(), Math::max);
      return false;
    }
    if (info != null) {
      jsm.deleteConsumer(Subjects.EVENT_STREAM, TRACKER);
    }
    stopConsuming();
    jsm.addOrUpdateConsumer(Subjects.EVENT_STREAM, trackerConfig(trackedUpTo()));
    consumeResults();
    return true;
  }

  /** The stream sequence up to which every result was recorded. */
  long trackedUpTo() {
    Long first = awaitingRedelivery.isEmpty() ? null : awaitingRedelivery.first();
    long upTo = recorded.get();
    return first == null ? upTo : Math.min(upTo, first - 1);
  }

  private static boolean asMade(ConsumerConfiguration config) {
    return RESULTS.equals(config.getFilterSubject())
        && config.getAckPolicy() == AckPolicy.Explicit
        && config.getDeliverSubject() == null;
  }

  private static ConsumerConfiguration trackerConfig(long after) {
    ConsumerConfiguration.Builder config =
        ConsumerConfiguration.builder()
            .durable(TRACKER)
            .filterSubject(RESULTS)
            .ackPolicy(AckPolicy.Explicit)
            .numReplicas(CONSUMER_REPLICAS);
    if (after == 0) {
      config.deliverPolicy(DeliverPolicy.All);
    } else {
      config.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(after + 1);
    }
    return config.build();
  }

  private synchronized void consumeResults() throws IOException, JetStreamApiException {
    ConsumerContext context = connection.getConsumerContext(Subjects.EVENT_STREAM, TRACKER);
    tracking =
        context.consume(
            ConsumeOptions.builder().expiresIn(pulls.expiry().toMillis()).build(), trackingHandler);
  }

  /** Wakes a parked tracker to look again (after a reconnection). */
  void lookAgain() {
    TrackerParking current = parking;
    if (current != null) {
      current.lookAgain();
    }
  }

  /** The tracker as its parking sees it. */
  private final class Parked implements TrackerParking.Tracker {
    @Override
    public MessageConsumer stopIfIdle() {
      synchronized (TenantCommands.this) {
        MessageConsumer current = tracking;
        if (current == null || !awaitingRedelivery.isEmpty()) {
          return null; // a result waits to be delivered again: not idle
        }
        current.stop();
        return current;
      }
    }

    @Override
    public long backlog() throws Exception {
      ConsumerInfo info = jsm.getConsumerInfo(Subjects.EVENT_STREAM, TRACKER);
      return info.getNumPending() + info.getNumAckPending();
    }

    @Override
    public void resume(MessageConsumer stopped) throws Exception {
      synchronized (TenantCommands.this) {
        if (tracking == stopped) {
          consumeResults();
        }
      }
    }
  }

  private synchronized void stopConsuming() {
    MessageConsumer consumer = tracking;
    tracking = null;
    if (consumer != null) {
      try {
        consumer.stop();
      } catch (Exception e) {
        // replaced anyway
      }
    }
  }

  @Override
  public void close() {
    TrackerParking current = parking;
    if (current != null) {
      current.close();
    }
    MessageConsumer consumer = tracking;
    if (consumer != null) {
      try {
        consumer.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    link.close();
  }
}
