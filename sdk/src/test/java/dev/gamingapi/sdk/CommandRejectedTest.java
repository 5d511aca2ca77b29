package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.command.CommandChannel;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.event.CommandFailed;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler's {@link CommandRejectedException} fails the command at its first delivery, while any
 * other exception is retried up to the allowed deliveries; on a real nats-server with the tenant's
 * streams and the server's durable consumer as the platform sets them up.
 */
class CommandRejectedTest {
  private static final String SERVER = "eu-1";
  @TempDir Path dir;
  private NatsServerProcess broker;
  private Connection admin;
  private final List<Event> reports = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    broker = NatsServerProcess.startJetStream();
    TestStreams.createEvents(broker.url());
    admin = Nats.connect(broker.url());
    var jsm = admin.jetStreamManagement();
    jsm.addStream(
        StreamConfiguration.builder()
            .name(CommandChannel.STREAM)
            .subjects(Subjects.COMMAND_STREAM_SUBJECT)
            .storageType(StorageType.File)
            .retentionPolicy(RetentionPolicy.WorkQueue)
            .build());
    jsm.addOrUpdateConsumer(
        CommandChannel.STREAM,
        ConsumerConfiguration.builder()
            .durable(CommandChannel.consumer(SERVER))
            .filterSubject(CommandChannel.filter(SERVER))
            .ackPolicy(AckPolicy.Explicit)
            .maxAckPending(1)
            .build());
    admin
        .createDispatcher(
            message ->
                reports.add(
                    CloudEventsCodec.decode(
                        message.getSubject(), message.getHeaders()::getFirst, message.getData())))
        .subscribe("v1.servers.*.events.command.>");
  }

  @AfterEach
  void stop() throws Exception {
    admin.close();
    broker.close();
  }

  @Test
  void aRejectedCommandFailsAtOnceAndAnyOtherFailureIsRetried() throws Exception {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    CommandHandler handler =
        command -> {
          runs.computeIfAbsent(command.name(), name -> new AtomicInteger()).incrementAndGet();
          if (command.name().equals("kick")) {
            throw new CommandRejectedException("kick needs a player_id");
          }
          throw new IllegalStateException("the game server is restarting");
        };
    String kick;
    String restart;
    try (GameServerClient client =
            GameServerClient.builder()
                .url(broker.url())
                .serverId(SERVER)
                .journalDir(dir.resolve("journal"))
                .build();
        CommandReceiver receiver =
            CommandReceiver.builder(client)
                .on("kick", handler)
                .on("restart", handler)
                .maxDeliveries(3)
                .retryBackoff(Duration.ofMillis(20))
                .start()) {
      kick = send("kick");
      restart = send("restart");

      await().until(() -> reports.size() == 2);
    }
    assertThat(reports)
        .extracting(event -> (CommandFailed) event.data())
        .extracting(CommandFailed::commandId, CommandFailed::error, CommandFailed::attempts)
        .containsExactly(
            tuple(kick, "kick needs a player_id", 1),
            tuple(restart, "the game server is restarting", 3));
    assertThat(runs.get("kick")).hasValue(1);
    assertThat(runs.get("restart")).hasValue(3);
  }

  private String send(String name) throws Exception {
    String id = UUID.randomUUID().toString();
    CommandMessage command = new CommandMessage(id, name, null, null, null);
    admin
        .jetStream()
        .publish(
            NatsMessage.builder()
                .subject(Subjects.command(SERVER, name))
                .headers(new Headers().put("Nats-Msg-Id", id))
                .data(command.toJson())
                .build());
    return id;
  }
}
