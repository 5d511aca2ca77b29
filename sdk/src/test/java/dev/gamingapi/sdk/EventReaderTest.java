package dev.gamingapi.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.UnknownEventData;
import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.testkit.NatsServerProcess;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay and live reading, filtered, from a position, across a broker restart. */
class EventReaderTest {
  @TempDir Path dir;

  @Test
  void replaysFilteredEventsFromAPositionAndHandsOverUnknownTypesRaw() throws Exception {
    try (NatsServerProcess broker = NatsServerProcess.startJetStream()) {
      TestStreams.createEvents(broker.url());
      List<String> firstBatch = new ArrayList<>();
      try (GameServerClient s1 = client(broker, "s1");
          GameServerClient s2 = client(broker, "s2")) {
        firstBatch.add(s1.publish(new ServerStarted("game", "map", "1.0", 10)));
        firstBatch.add(s1.publish(new PlayerConnected("p1", "Alice", null)));
        firstBatch.add(s1.publish(new PlayerConnected("p2", "Bob", null)));
        s1.flush(Duration.ofSeconds(20));
        firstBatch.add(s2.publish(new PlayerConnected("p1", "Alice", null)));
        s2.flush(Duration.ofSeconds(20));
        Instant between = Instant.now();
        String loot = s1.publish(custom("loot", "p1"));
        String vote = s1.publish(custom("vote", null));
        s1.flush(Duration.ofSeconds(20));
        publishUnknownType(broker.url());

        try (EventReader reader = EventReader.connect(broker.url(), null)) {
          assertThat(ids(reader, ReadRequest.fromStart(EventFilter.ALL))).hasSize(7);
          assertThat(ids(reader, ReadRequest.fromSequence(EventFilter.ALL, 3)))
              .startsWith(firstBatch.get(2), firstBatch.get(3), loot, vote)
              .hasSize(5);
          assertThat(ids(reader, ReadRequest.fromTime(EventFilter.ALL, between)))
              .startsWith(loot, vote)
              .hasSize(3);
          assertThat(ids(reader, ReadRequest.fromStart(new EventFilter("s2", null, null))))
              .containsExactly(firstBatch.get(3));
          assertThat(ids(reader, ReadRequest.fromStart(new EventFilter(null, "p1", null))))
              .containsExactly(firstBatch.get(1), firstBatch.get(3), loot);
          assertThat(
                  ids(
                      reader,
                      ReadRequest.fromStart(new EventFilter("s1", null, "player.connected"))))
              .containsExactly(firstBatch.get(1), firstBatch.get(2));
          assertThat(ids(reader, ReadRequest.fromStart(new EventFilter(null, null, "custom.vote"))))
              .containsExactly(vote);
          assertThat(ids(reader, ReadRequest.fromStart(new EventFilter("s9", null, null))))
              .isEmpty();

          List<StoredEvent> customs =
              read(reader, ReadRequest.fromStart(new EventFilter("s1", "p1", "custom.loot")));
          assertThat(customs)
              .singleElement()
              .satisfies(
                  e -> {
                    assertThat(e.event().data()).isInstanceOf(CustomEvent.class);
                    assertThat(e.playerId()).isEqualTo("p1");
                  });

          StoredEvent unknown = read(reader, ReadRequest.fromStart(EventFilter.ALL)).getLast();
          assertThat(unknown.type()).isEqualTo("future.thing");
          assertThat(unknown.event().data())
              .isInstanceOfSatisfying(
                  UnknownEventData.class,
                  data ->
                      assertThat(new String(data.json(), StandardCharsets.UTF_8))
                          .isEqualTo("{\"x\":1}"));
        }
      }
    }
  }

  /**
   * A filter the broker applies and that matches nothing, or a start after the last event, ends the
   * replay with no events: the consumer's stream position had moved past the skipped events, and
   * the replay waited 30 s for them and failed "replay stalled".
   */
  @Test
  void aReplayThatSelectsNothingEndsEmptyAtOnce() throws Exception {
    try (NatsServerProcess broker = NatsServerProcess.startJetStream()) {
      TestStreams.createEvents(broker.url());
      try (GameServerClient s1 = client(broker, "s1")) {
        s1.publish(new ServerStarted("game", "map", "1.0", 10));
        s1.publish(new PlayerConnected("p1", "Alice", null));
        s1.flush(Duration.ofSeconds(20));
        Instant after = Instant.now().plusMillis(1);

        try (EventReader reader = EventReader.connect(broker.url(), null)) {
          assertThat(ids(reader, ReadRequest.fromStart(new EventFilter(null, "nobody", null))))
              .isEmpty();
          assertThat(ids(reader, ReadRequest.fromStart(new EventFilter("s1", null, "custom.no"))))
              .isEmpty();
          assertThat(ids(reader, ReadRequest.fromTime(EventFilter.ALL, after))).isEmpty();
          assertThat(ids(reader, ReadRequest.fromStart(new EventFilter(null, "p1", null))))
              .hasSize(1);
        }
      }
    }
  }

  @Test
  void aLiveSubscriptionContinuesAfterABrokerRestartWithoutGapOrRepeat() throws Exception {
    try (NatsServerProcess broker = NatsServerProcess.startJetStream()) {
      TestStreams.createEvents(broker.url());
      List<String> published = new ArrayList<>();
      List<StoredEvent> received = new CopyOnWriteArrayList<>();
      try (GameServerClient client = client(broker, "live");
          EventReader reader = EventReader.connect(broker.url(), null)) {
        publish(client, published, 0, 100);
        try (Subscription subscription =
            reader.subscribe(ReadRequest.fromStart(EventFilter.ALL), received::add)) {
          await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 100);
          publish(client, published, 100, 200);
          await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 200);

          broker.kill();
          broker.start();
          publish(client, published, 200, 300);
          await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 300);
          assertThat(subscription.lastSequence()).isEqualTo(300);
        }
      }
      assertThat(received).extracting(StoredEvent::id).isEqualTo(published);
      assertThat(received)
          .extracting(StoredEvent::sequence)
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 300).boxed().toList());
    }
  }

  private static void publish(GameServerClient client, List<String> ids, int from, int to) {
    for (int i = from; i < to; i++) {
      ids.add(client.publish(BrokerCrashTest.chat(i)));
    }
    client.flush(Duration.ofSeconds(30));
  }

  private GameServerClient client(NatsServerProcess broker, String serverId) {
    return GameServerClient.builder()
        .url(broker.url())
        .serverId(serverId)
        .journalDir(dir.resolve(serverId))
        .build();
  }

  private static CustomEvent custom(String name, String player) {
    return new CustomEvent(name, player, JsonNodeFactory.instance.objectNode().put("n", 1));
  }

  /** A newer publisher's event type, written with plain jnats. */
  private static void publishUnknownType(String url) throws Exception {
    Headers headers = new Headers();
    headers.put("ce-specversion", "1.0");
    headers.put("ce-id", "unknown-1");
    headers.put("ce-source", "/servers/s1");
    headers.put("ce-type", "future.thing");
    headers.put("ce-time", Instant.now().toString());
    headers.put("content-type", "application/json");
    try (Connection connection = Nats.connect(url)) {
      connection
          .jetStream()
          .publish(
              NatsMessage.builder()
                  .subject("v1.servers.s1.events.future.thing")
                  .headers(headers)
                  .data("{\"x\":1}".getBytes(StandardCharsets.UTF_8))
                  .build());
    }
  }

  private static List<String> ids(EventReader reader, ReadRequest request) {
    return read(reader, request).stream().map(StoredEvent::id).toList();
  }

  private static List<StoredEvent> read(EventReader reader, ReadRequest request) {
    List<StoredEvent> events = new ArrayList<>();
    try (ReplayStream stream = reader.replay(request)) {
      stream.forEach(events::add);
    }
    return events;
  }
}
