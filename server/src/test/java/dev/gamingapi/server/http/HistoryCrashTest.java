package dev.gamingapi.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.store.TestDatabase;
import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform killed with SIGKILL in the middle of applying 200,000 events: after a restart, every
 * server status, player profile and leaderboard (every period, every rank) equals a plain in-test
 * fold over the log's messages.
 */
class HistoryCrashTest {
  static final int EVENTS = Integer.getInteger("gamingapi.crash.events", 200_000);
  private static final String BASE = "/api/v1/accounts/default";

  private static final List<HistoryFold.Board> BOARDS =
      List.of(
          new HistoryFold.Board(
              "kills", "kills", "incr", false, "none", java.time.ZoneId.of("UTC")),
          new HistoryFold.Board(
              "lap",
              "scored.best_lap",
              "best",
              true,
              "daily",
              java.time.ZoneId.of("America/New_York")),
          new HistoryFold.Board(
              "play", "play_time", "incr", false, "weekly", java.time.ZoneId.of("Asia/Kolkata")));

  @TempDir Path dataDir;

  TestDatabase database() {
    return TestDatabase.sqlite();
  }

  @Test
  void aPlatformKilledWhileApplyingCountsEveryEventExactlyOnceAfterItsRestart() throws Exception {
    try (TestDatabase database = database()) {
      String url = database.url();
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  PlatformChild.class.getName(),
                  dataDir.toString(),
                  url == null ? "-" : url)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      long killedAt;
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        while (ready != null && !ready.startsWith("READY ")) {
          ready = out.readLine(); // the child's log lines
        }
        assertThat(ready).as("the child platform did not start").startsWith("READY ");
        String[] urls = ready.split(" ");
        Api api = new Api(urls[1], token());
        for (int server = 0; server < 10; server++) {
          assertThat(api.post(BASE + "/servers", "{\"id\":\"s" + server + "\"}").status())
              .isEqualTo(201);
        }
        for (HistoryFold.Board board : BOARDS) {
          String definition =
              String.format(
                  "{\"stat\":\"%s\",\"operator\":\"%s\",\"order\":\"%s\",\"reset\":\"%s\","
                      + "\"time_zone\":\"%s\"}",
                  board.stat(),
                  board.operator(),
                  board.asc() ? "asc" : "desc",
                  board.reset(),
                  board.zone());
          assertThat(
                  api.send(
                          "PUT",
                          BASE + "/leaderboards/" + board.name(),
                          definition,
                          "application/json")
                      .status())
              .isEqualTo(200);
        }
        Thread publisher =
            Thread.ofPlatform()
                .start(
                    () -> {
                      try (Connection owner = connect(urls[2])) {
                        HistoryWorkload.publish(owner.jetStream(), EVENTS, 42);
                      } catch (Exception e) {
                        throw new IllegalStateException(e);
                      }
                    });
        killedAt = awaitPosition(api, EVENTS / 4);
        child.destroyForcibly().waitFor(); // SIGKILL: no close, no shutdown hook
        publisher.join(); // the orphaned broker keeps taking the rest
        restarting = true;
      } finally {
        child.destroyForcibly().waitFor();
        stopOrphanBrokerUnlessRestarting();
      }

      long last;
      try (PlatformFixture fixture = PlatformFixture.start(dataDir, database)) {
        HistoryFold fold = new HistoryFold(Duration.ofSeconds(90).toMillis());
        fold.boards.addAll(BOARDS);
        last = readLog(fold, fixture.brokerUrl());
        awaitPosition(fixture.operator, last);
        compare(fixture.operator, fold);
        compareBoards(fixture.operator, fold);
        JsonNode state = fixture.operator.get(BASE + "/read-models").json();
        assertThat(state.path("dead_letters").asLong()).isEqualTo(fold.deadLetters);
      }
      System.out.printf(
          "crash test (%s): killed at position %d of %d; profiles, statuses and leaderboards match the fold%n",
          database, killedAt, last);
      assertThat(killedAt).as("killed before the last event was applied").isLessThan(last);
    }
  }

  // The killed platform's nats-server lives on (a restart stops it); when the test fails before
  // its restart, stop it here rather than leave it running.
  private boolean restarting;

  private void stopOrphanBrokerUnlessRestarting() throws Exception {
    Path pidFile = dataDir.resolve("nats/nats-server.pid");
    if (restarting || !Files.exists(pidFile)) {
      return;
    }
    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
        .ifPresent(ProcessHandle::destroyForcibly);
  }

  private String token() throws Exception {
    return Files.readString(dataDir.resolve("operator.token")).strip();
  }

  private Connection connect(String broker) throws Exception {
    return Nats.connect(
        Options.builder()
            .server(broker)
            .authHandler(Nats.credentials(dataDir.resolve("creds/owner.creds").toString()))
            .build());
  }

  /** Waits for the position to reach {@code seq}; answers the position seen. */
  private static long awaitPosition(Api api, long seq) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      long position = api.get(BASE + "/read-models").json().path("position").asLong();
      if (position >= seq) {
        return position;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the read models did not reach " + seq);
  }

  /** Folds every message of the log; answers the last stream sequence. */
  private long readLog(HistoryFold fold, String broker) throws Exception {
    try (Connection owner = connect(broker)) {
      JetStreamSubscription sub =
          owner
              .jetStream()
              .subscribe(
                  "v1.servers.>",
                  PullSubscribeOptions.builder().stream("EVENTS")
                      .configuration(ConsumerConfiguration.builder().build())
                      .build());
      long last = 0;
      while (true) {
        List<Message> batch = sub.fetch(1000, Duration.ofSeconds(2));
        if (batch.isEmpty()) {
          return last;
        }
        for (Message message : batch) {
          last = message.metaData().streamSequence();
          fold.message(
              message.metaData().streamSequence(),
              message.getSubject(),
              name -> message.getHeaders() == null ? null : message.getHeaders().getFirst(name),
              message.getData());
          message.ack();
        }
      }
    }
  }

  private static void compare(Api api, HistoryFold fold) {
    assertThat(fold.players).hasSizeGreaterThan(1000);
    for (Map.Entry<String, HistoryFold.Server> entry : fold.servers.entrySet()) {
      HistoryFold.Server want = entry.getValue();
      JsonNode got = api.get(BASE + "/servers/" + entry.getKey() + "/status").json();
      String at = "server " + entry.getKey();
      assertThat(got.path("state").asText()).as(at).isEqualTo(want.state);
      assertThat(got.path("game").textValue()).as(at).isEqualTo(want.game);
      assertThat(got.path("map").textValue()).as(at).isEqualTo(want.map);
      assertThat(millis(got.path("started_at"))).as(at).isEqualTo(want.startedAt);
      assertThat(millis(got.path("stopped_at"))).as(at).isEqualTo(want.stoppedAt);
      assertThat(millis(got.path("last_event_at"))).as(at).isEqualTo(want.lastEventAt);
      assertThat(got.path("last_event_type").asText()).as(at).isEqualTo(want.lastEventType);
      List<String> players =
          want.state.equals("online") ? List.copyOf(want.sessions.keySet()) : List.of();
      List<String> listed = new java.util.ArrayList<>();
      got.path("players").forEach(player -> listed.add(player.asText()));
      assertThat(listed).as(at).isEqualTo(players);
      assertThat(got.path("current_players").asInt()).as(at).isEqualTo(players.size());
    }
    for (Map.Entry<String, HistoryFold.Player> entry : fold.players.entrySet()) {
      HistoryFold.Player want = entry.getValue();
      JsonNode got = api.get(BASE + "/players/" + entry.getKey()).json();
      String at = "player " + entry.getKey();
      assertThat(got.path("name").textValue()).as(at).isEqualTo(want.name);
      assertThat(millis(got.path("first_seen"))).as(at).isEqualTo(want.firstSeen);
      assertThat(millis(got.path("last_seen"))).as(at).isEqualTo(want.lastSeen);
      assertThat(got.path("sessions").asLong()).as(at).isEqualTo(want.sessions);
      assertThat(got.path("play_time_seconds").asLong()).as(at).isEqualTo(want.playMs / 1000);
      assertThat(got.path("kills").asLong()).as(at).isEqualTo(want.kills);
      assertThat(got.path("deaths").asLong()).as(at).isEqualTo(want.deaths);
      assertThat(got.path("chat_messages").asLong()).as(at).isEqualTo(want.chats);
      Map<String, Double> stats = new java.util.TreeMap<>();
      got.path("stats")
          .fields()
          .forEachRemaining(e -> stats.put(e.getKey(), e.getValue().asDouble()));
      assertThat(stats).as(at).isEqualTo(want.stats);
      assertThat(seen(got.path("names"))).as(at + " names").isEqualTo(seen(want.names));
      assertThat(seen(got.path("servers"))).as(at + " servers").isEqualTo(seen(want.servers));
    }
  }

  private static void compareBoards(Api api, HistoryFold fold) {
    for (HistoryFold.Board board : BOARDS) {
      java.util.Set<String> periods = fold.scores.getOrDefault(board.name(), Map.of()).keySet();
      assertThat(periods).as(board.name()).isNotEmpty();
      List<String> listed = new java.util.ArrayList<>();
      api.get(BASE + "/leaderboards/" + board.name() + "/periods")
          .json()
          .path("periods")
          .forEach(p -> listed.add(p.asText()));
      assertThat(listed).as(board.name()).containsExactlyInAnyOrderElementsOf(periods);
      for (String period : periods) {
        List<String> got = new java.util.ArrayList<>();
        String cursor = null;
        do {
          JsonNode page =
              api.get(
                      BASE
                          + "/leaderboards/"
                          + board.name()
                          + "/entries?limit=200&period="
                          + period
                          + (cursor == null ? "" : "&cursor=" + cursor))
                  .json();
          page.path("items")
              .forEach(
                  item ->
                      got.add(
                          item.path("rank").asLong()
                              + ":"
                              + item.path("player").asText()
                              + "="
                              + item.path("score").asDouble()));
          cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        assertThat(got).as(board.name() + " " + period).isEqualTo(fold.entries(board, period));
      }
    }
  }

  private static Map<String, List<Long>> seen(JsonNode list) {
    Map<String, List<Long>> seen = new java.util.TreeMap<>();
    list.forEach(
        item ->
            seen.put(
                item.path("value").asText(),
                List.of(millis(item.path("first_seen")), millis(item.path("last_seen")))));
    return seen;
  }

  private static Map<String, List<Long>> seen(Map<String, long[]> want) {
    Map<String, List<Long>> seen = new java.util.TreeMap<>();
    want.forEach((key, range) -> seen.put(key, List.of(range[0], range[1])));
    return seen;
  }

  private static Long millis(JsonNode time) {
    return time.isNull() || time.isMissingNode()
        ? null
        : Instant.parse(time.asText()).toEpochMilli();
  }
}
