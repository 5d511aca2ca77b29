package dev.gamingapi.bench;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.testkit.EventStreams;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's workload: player chat events of about 300 bytes over 400 players of one server
 * (400 subjects), and the {@code EVENTS} stream configured as the platform configures it.
 */
final class BenchEvents {
  static final String SERVER = "bench";
  static final int PLAYERS = 400;

  private BenchEvents() {}

  static List<EventData> data(int count) {
    List<EventData> events = new ArrayList<>(count);
    String filler = "gg well played, see you next round on the big map with everyone ".repeat(3);
    for (int i = 0; i < count; i++) {
      String player = "player-" + (i % PLAYERS);
      events.add(new PlayerChatted(player, "Name " + player, filler + i, "global"));
    }
    return events;
  }

  static List<EncodedEvent> encoded(List<EventData> data) {
    List<EncodedEvent> encoded = new ArrayList<>(data.size());
    for (EventData event : data) {
      encoded.add(CloudEventsCodec.encode(Event.of(SERVER, event)));
    }
    return encoded;
  }

  /**
   * A raw jnats connection with default options but a quiet error listener: the default one logs
   * every flow-control message of an ordered consumer to stderr.
   */
  static Connection connect(String url) throws IOException, InterruptedException {
    return Nats.connect(
        Options.builder().server(url).errorListener(new ErrorListener() {}).build());
  }

  /** The raw jnats messages of {@code events}: subject, CloudEvents headers, body. */
  static List<NatsMessage> messages(List<EncodedEvent> events) {
    List<NatsMessage> messages = new ArrayList<>(events.size());
    for (EncodedEvent event : events) {
      messages.add(
          NatsMessage.builder()
              .subject(event.subject())
              .headers(headers(event))
              .data(event.body())
              .build());
    }
    return messages;
  }

  /**
   * Publishes {@code messages} with raw jnats {@code publishAsync}, {@code window} in flight, into
   * a fresh {@code EVENTS} stream, checks all were stored and answers the nanoseconds taken.
   */
  static long publishRaw(Connection connection, List<NatsMessage> messages, int window)
      throws Exception {
    recreateStream(connection);
    return publishRawInto(connection, messages, window);
  }

  /**
   * As {@link #publishRaw} but into the {@code EVENTS} stream as it is (the caller made it, with
   * the replicas it wants).
   */
  static long publishRawInto(Connection connection, List<NatsMessage> messages, int window)
      throws Exception {
    JetStream jetStream = connection.jetStream();
    ArrayDeque<CompletableFuture<PublishAck>> inFlight = new ArrayDeque<>(window);
    long start = System.nanoTime();
    for (NatsMessage message : messages) {
      inFlight.add(jetStream.publishAsync(message));
      if (inFlight.size() >= window) {
        inFlight.poll().join();
      }
    }
    while (!inFlight.isEmpty()) {
      inFlight.poll().join();
    }
    long elapsed = System.nanoTime() - start;
    checkStored(connection, messages.size());
    return elapsed;
  }

  static Headers headers(EncodedEvent event) {
    Headers headers = new Headers();
    event.headers().forEach(headers::put);
    return headers;
  }

  static void recreateStream(Connection connection) throws IOException, JetStreamApiException {
    var management = connection.jetStreamManagement();
    try {
      management.deleteStream(Subjects.EVENT_STREAM);
    } catch (JetStreamApiException absent) {
      // first run: nothing to delete
    }
    management.addStream(EventStreams.configuration());
  }

  /**
   * Publishes {@code data} through the SDK (a fresh journal, {@code window} in flight) to the
   * broker at {@code url} and waits until the broker acknowledged all; answers the nanoseconds
   * taken.
   */
  static long publishWithSdk(String url, List<EventData> data, int window) throws Exception {
    Path journal = Files.createTempDirectory("bench-journal-");
    try (GameServerClient client =
        GameServerClient.builder()
            .url(url)
            .serverId(SERVER)
            .journalDir(journal)
            .maxInFlight(window)
            .build()) {
      long start = System.nanoTime();
      for (EventData event : data) {
        client.publish(event);
      }
      client.flush(Duration.ofMinutes(5));
      return System.nanoTime() - start;
    } finally {
      try (var paths = Files.walk(journal)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Fails unless the {@code EVENTS} stream holds exactly {@code expected} events. */
  static void checkStored(Connection connection, int expected) throws Exception {
    long stored =
        connection
            .jetStreamManagement()
            .getStreamInfo(Subjects.EVENT_STREAM)
            .getStreamState()
            .getMsgCount();
    if (stored != expected) {
      throw new IllegalStateException("stream holds " + stored + " events, expected " + expected);
    }
  }
}
