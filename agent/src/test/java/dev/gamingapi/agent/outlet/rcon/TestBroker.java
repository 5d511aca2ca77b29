package dev.gamingapi.agent.outlet.rcon;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.testkit.EventStreams;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real nats-server with the tenant's two streams as the platform sets them up (no auth: the
 * platform's accounts are not what these tests are about), the durable consumer of each game
 * server, commands published as the platform publishes them, and the events game servers report.
 */
final class TestBroker implements AutoCloseable {
  private final NatsServerProcess server = NatsServerProcess.startJetStream();
  private final Connection connection;
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final Dispatcher dispatcher;

  TestBroker() throws Exception {
    connection = Nats.connect(server.url());
    var jsm = connection.jetStreamManagement();
    jsm.addStream(EventStreams.configuration());
    jsm.addStream(
        StreamConfiguration.builder()
            .name(CommandChannel.STREAM)
            .subjects(Subjects.COMMAND_STREAM_SUBJECT)
            .storageType(StorageType.File)
            .retentionPolicy(RetentionPolicy.WorkQueue)
            .duplicateWindow(Duration.ofMinutes(2))
            .build());
    dispatcher =
        connection.createDispatcher(
            message ->
                events.add(
                    CloudEventsCodec.decode(
                        message.getSubject(), message.getHeaders()::getFirst, message.getData())));
    dispatcher.subscribe("v1.servers.*.events.>");
  }

  String url() {
    return server.url();
  }

  /** Registers game server {@code serverId}: its durable consumer, one command in flight. */
  void register(String serverId) throws IOException, JetStreamApiException {
    connection
        .jetStreamManagement()
        .addOrUpdateConsumer(
            CommandChannel.STREAM,
            ConsumerConfiguration.builder()
                .durable(CommandChannel.consumer(serverId))
                .filterSubject(CommandChannel.filter(serverId))
                .ackPolicy(AckPolicy.Explicit)
                .deliverPolicy(DeliverPolicy.All)
                .maxAckPending(1)
                .ackWait(Duration.ofSeconds(30))
                .build());
  }

  /** Publishes {@code command} to {@code serverId} as the platform does, and waits for the ack. */
  void send(String serverId, CommandMessage command) throws Exception {
    Headers headers = new Headers().put("Nats-Msg-Id", command.commandId());
    if (command.expiresAt() != null) {
      headers.put(CommandChannel.EXPIRES_AT, command.expiresAt().toString());
    }
    connection
        .jetStream()
        .publish(
            NatsMessage.builder()
                .subject(Subjects.command(serverId, command.name()))
                .headers(headers)
                .data(command.toJson())
                .build());
  }

  /** How many times commands were handed to {@code serverId}, retries included. */
  long deliveries(String serverId) throws IOException, JetStreamApiException {
    return connection
        .jetStreamManagement()
        .getConsumerInfo(CommandChannel.STREAM, CommandChannel.consumer(serverId))
        .getDelivered()
        .getConsumerSequence();
  }

  /** The events {@code serverId} reported so far, of type {@code type}, in order. */
  List<Event> events(String serverId, String type) {
    return events.stream()
        .filter(event -> event.serverId().equals(serverId) && event.type().equals(type))
        .toList();
  }

  @Override
  public void close() throws InterruptedException {
    connection.close();
    server.close();
  }
}
