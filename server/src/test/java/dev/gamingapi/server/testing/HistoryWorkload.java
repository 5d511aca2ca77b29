package dev.gamingapi.server.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A deterministic, messy stream of events for the crash test: sessions, kills, deaths, chat, every
 * score operator, servers that stop without disconnecting their players, players who never
 * disconnect, events stored twice under the same id, timestamps going backwards, silences longer
 * than the unresponsive time, a few custom events and a few malformed messages. Its times end in
 * the future, so that no server turns unresponsive while the test reads the statuses.
 */
public final class HistoryWorkload {
  private static final int SERVERS = 10;
  private static final int PLAYERS = 2_000;
  private static final String[] STATS = {"score", "best_lap", "gold", "level"};

  private HistoryWorkload() {}

  /** Publishes {@code count} messages to the log through {@code js}, 2,000 in flight at most. */
  /**
   * Registers the workload's game servers on the default tenant through {@code api}, then defines
   * {@code boards} there; fails the test on any other answer than success.
   */
  public static void setUp(Api api, List<HistoryFold.Board> boards) {
    for (int server = 0; server < SERVERS; server++) {
      org.assertj.core.api.Assertions.assertThat(
              api.post("/api/v1/accounts/default/servers", "{\"id\":\"s" + server + "\"}").status())
          .isEqualTo(201);
    }
    for (HistoryFold.Board board : boards) {
      org.assertj.core.api.Assertions.assertThat(board.define(api).status()).isEqualTo(200);
    }
  }

  public static void publish(JetStream js, int count, long seed) throws Exception {
    Random random = new Random(seed);
    long step = 100;
    long time =
        Instant.now().plusSeconds(3600).toEpochMilli()
            - count * (step / 2)
            - (count / 10_000) * 120_000L;
    List<Event> published = new ArrayList<>();
    List<Set<String>> online = new ArrayList<>();
    boolean[] running = new boolean[SERVERS];
    for (int i = 0; i < SERVERS; i++) {
      online.add(new HashSet<>());
    }
    List<CompletableFuture<PublishAck>> inFlight = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      time += random.nextInt((int) step);
      if (n % 10_000 == 9_999) {
        time += 120_000; // every server silent for longer than the unresponsive time
      }
      long at = random.nextInt(20) == 0 ? time - random.nextInt(10_000) : time; // backwards
      int s = random.nextInt(SERVERS);
      String server = "s" + s;
      String player = "p" + random.nextInt(PLAYERS);
      int roll = random.nextInt(1000);
      EncodedEvent encoded;
      String msgId = null;
      if (roll < 3 && !published.isEmpty()) {
        // The same event again under another Nats-Msg-Id: stored twice, counted once.
        encoded = CloudEventsCodec.encode(published.get(random.nextInt(published.size())));
        msgId = EventIds.next();
      } else if (roll < 4) {
        Headers headers = new Headers();
        headers.put("ce-specversion", "1.0");
        headers.put("ce-type", "player.scored");
        inFlight.add(
            js.publishAsync(
                "v1.servers." + server + ".players." + player + ".events.player.scored",
                headers,
                "{\"stat\":".getBytes(StandardCharsets.UTF_8)));
        continue;
      } else {
        EventData data = data(random, roll, s, player, running, online);
        Event event = EventLog.event(server, Instant.ofEpochMilli(at), data);
        published.add(event);
        encoded = CloudEventsCodec.encode(event);
      }
      Headers headers = new Headers();
      for (Map.Entry<String, String> header : encoded.headers().entrySet()) {
        headers.put(header.getKey(), header.getValue());
      }
      if (msgId != null) {
        headers.put("Nats-Msg-Id", msgId);
      }
      inFlight.add(js.publishAsync(encoded.subject(), headers, encoded.body()));
      if (inFlight.size() >= 2_000) {
        for (CompletableFuture<PublishAck> ack : inFlight) {
          ack.get();
        }
        inFlight.clear();
      }
    }
    for (CompletableFuture<PublishAck> ack : inFlight) {
      ack.get();
    }
  }

  private static EventData data(
      Random random, int roll, int s, String player, boolean[] running, List<Set<String>> online) {
    Set<String> players = online.get(s);
    if (roll < 14) {
      running[s] = !running[s];
      players.clear(); // a stop never disconnects anyone; a start begins afresh
      return running[s]
          ? new ServerStarted("game" + s, "map" + random.nextInt(3), "1." + roll, 64)
          : new ServerStopped("maintenance");
    }
    if (roll < 120) {
      return new ServerHeartbeat(players.size(), 64, "map" + random.nextInt(3), 30.0);
    }
    if (roll < 300) {
      players.add(player);
      String name = "Name" + player.substring(1) + (random.nextInt(10) == 0 ? "x" : "");
      return new PlayerConnected(player, name, null);
    }
    if (roll < 400 && !players.isEmpty()) {
      String leaving = players.iterator().next();
      players.remove(leaving);
      return new PlayerDisconnected(leaving, "quit");
    }
    if (roll < 550) {
      return new PlayerKilled(player, "p" + random.nextInt(PLAYERS), "rifle", 12.5, false);
    }
    if (roll < 680) {
      return new PlayerDied(player, null, "fall");
    }
    if (roll < 780) {
      return new PlayerChatted(player, null, "gg", "global");
    }
    if (roll < 790) {
      return new CustomEvent("quest", player, JsonNodeFactory.instance.objectNode().put("q", 1));
    }
    ScoreOperator operator = ScoreOperator.values()[random.nextInt(4)];
    return new PlayerScored(
        player, STATS[random.nextInt(STATS.length)], random.nextInt(100), operator);
  }
}
