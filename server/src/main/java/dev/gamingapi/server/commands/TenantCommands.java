package dev.gamingapi.server.commands;

import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.BrokerException;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.MessageConsumer;
import io.nats.client.MessageHandler;
import io.nats.client.PublishOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's connection inside one tenant account, as an internal user of it: creates the
 * durable command consumer of each game server, publishes commands, and reads the tenant's {@code
 * command.*} events through its own durable consumer on {@code EVENTS} (explicit acks).
 */
final class TenantCommands implements AutoCloseable {
  /** The platform's durable consumer of command results on each tenant's {@code EVENTS}. */
  static final String TRACKER = "platform-commands";

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

  private final Connection connection;
  private final JetStream js;
  private final JetStreamManagement jsm;
  private final Set<String> consumers = ConcurrentHashMap.newKeySet();
  private volatile MessageConsumer tracking;

  TenantCommands(Connection connection) {
    this.connection = connection;
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
    ConsumerConfiguration config =
        ConsumerConfiguration.builder()
            .durable(TRACKER)
            .filterSubject(RESULTS)
            .ackPolicy(AckPolicy.Explicit)
            .deliverPolicy(DeliverPolicy.All)
            .numReplicas(CONSUMER_REPLICAS)
            .build();
    try {
      jsm.addOrUpdateConsumer(Subjects.EVENT_STREAM, config);
      ConsumerContext context = connection.getConsumerContext(Subjects.EVENT_STREAM, TRACKER);
      tracking = context.consume(handler);
    } catch (IOException | JetStreamApiException e) {
      throw new BrokerException("cannot read the tenant's command events: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    MessageConsumer consumer = tracking;
    if (consumer != null) {
      try {
        consumer.close();
      } catch (Exception e) {
        // closing anyway
      }
    }
    BrokerConnections.closeQuietly(connection);
  }
}
