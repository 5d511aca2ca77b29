package dev.gamingapi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.outlet.rcon.TestRconServer;
import dev.gamingapi.agent.outlet.rcon.TestRconServer.Dialect;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.testkit.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against the real platform: a test sender replays a whole CS2 match log to the agent
 * over UDP with the real packet layout ({@code FF FF FF FF}, {@code S}, the secret, the line), the
 * agent publishes under the demo server's own credential, and the owner's leaderboard, player
 * profiles and server status read over REST then equal a fold of the fixture ({@link MatchFold}).
 */
class PlatformEndToEndTest {
  private static final String ACCOUNT = "default";
  private static final String SECRET = "8675309";

  @TempDir static Path dir;
  private static Platform platform;
  private static RestClient api;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new Platform(PlatformSettings.of(PlatformConfig.embedded(dir.resolve("data"), 0)));
    platform.start();
    ConnectionInfo info = platform.connectionInfo();
    api =
        RestClient.builder()
            .url(info.httpUrl())
            .token(Files.readString(info.operatorToken()).strip())
            .build();
    Files.writeString(dir.resolve("logsecret"), SECRET + "\n");
  }

  @AfterAll
  static void stopPlatform() {
    if (api != null) {
      api.close();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void aReplayedMatchGivesTheLeaderboardProfilesAndStatusThatTheLogImplies() throws Exception {
    api.put(path("leaderboards", "kills"), Map.of("stat", "kills"));
    List<String> lines = fixture();
    MatchFold fold = MatchFold.of(lines);
    Path creds = platform.connectionInfo().gameServerCreds().get("demo");
    int port = FreePorts.next();

    try (Agent agent = Agent.start(AgentConfig.load(config("demo", creds, port)))) {
      try (DatagramSocket sender = new DatagramSocket()) {
        for (String line : lines) {
          send(sender, port, UdpEndToEndTest.packet('S', SECRET, line));
        }
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> status("demo").path("last_event_type").asText().equals("server.stopped"));

      ServerCounters counters = agent.server("demo").orElseThrow().counters();
      assertThat(counters.get(Counter.REFUSED_PACKETS)).isEqualTo(1); // the header-less line
      assertThat(counters.get(Counter.PUBLISH_FAILURES)).isZero();
    }

    JsonNode status = status("demo");
    assertThat(status.path("state").asText()).isEqualTo("stopped");
    assertThat(status.path("game").asText()).isEqualTo(fold.game);
    assertThat(status.path("version").asText()).isEqualTo(fold.version);
    assertThat(status.path("map").asText()).isEqualTo(fold.map);
    assertThat(Instant.parse(status.path("started_at").asText())).isEqualTo(fold.startedAt);
    assertThat(Instant.parse(status.path("stopped_at").asText())).isEqualTo(fold.stoppedAt);
    assertThat(status.path("current_players").asInt()).isZero();

    JsonNode board = api.get(path("leaderboards", "kills", "entries"));
    List<String> ranked = new ArrayList<>();
    board
        .path("items")
        .forEach(e -> ranked.add(e.path("player").asText() + "=" + e.path("score").asDouble()));
    assertThat(ranked)
        .containsExactlyElementsOf(
            fold.killsBoard().stream().map(p -> p.id + "=" + (double) p.kills).toList());
    assertThat(ranked).hasSize(2); // a fixture that stops killing would make this test vacuous

    assertThat(fold.connected()).hasSize(3);
    for (MatchFold.Player expected : fold.connected()) {
      JsonNode profile = api.get(path("players", expected.id));
      List<String> names = new ArrayList<>();
      profile.path("names").forEach(name -> names.add(name.path("value").asText()));
      assertThat(profile.path("name").asText()).as(expected.id).isEqualTo(expected.name);
      assertThat(names).as(expected.id).containsExactlyElementsOf(expected.names);
      assertThat(profile.path("kills").asInt()).as(expected.id).isEqualTo(expected.kills);
      assertThat(profile.path("deaths").asInt()).as(expected.id).isEqualTo(expected.deaths);
      assertThat(profile.path("chat_messages").asInt()).as(expected.id).isEqualTo(expected.chats);
      assertThat(profile.path("sessions").asInt()).as(expected.id).isEqualTo(expected.sessions);
      assertThat(profile.path("play_time_seconds").asLong())
          .as(expected.id)
          .isEqualTo(expected.playSeconds);
    }
  }

  @Test
  void aWrongLogSecretPublishesNothing() throws Exception {
    String server = "eu-wrong-secret";
    Path creds = gameServer(server);
    List<String> lines = fixture();
    int port = FreePorts.next();

    try (Agent agent = Agent.start(AgentConfig.load(config(server, creds, port)))) {
      ServerCounters counters = agent.server(server).orElseThrow().counters();
      try (DatagramSocket sender = new DatagramSocket()) {
        for (String line : lines) {
          send(sender, port, UdpEndToEndTest.packet('S', "1234567", line)); // another secret
          send(sender, port, UdpEndToEndTest.packet('R', "", line)); // no secret at all
        }
        await().until(() -> counters.get(Counter.REFUSED_PACKETS) == 2L * lines.size());
        assertThat(counters.get(Counter.LINES_READ)).isZero();
        assertThat(counters.get(Counter.EVENTS_PUBLISHED)).isZero();
        assertThat(agent.server(server).orElseThrow().client().pending()).isZero();

        // One packet with the right secret: it goes through, and alone.
        send(
            sender,
            port,
            UdpEndToEndTest.packet('S', SECRET, "L 12/07/2026 - 11:00:00: Log file closed"));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> status(server).path("state").asText().equals("stopped"));
    }
    JsonNode events = api.get(path("events") + "?server=" + server);
    assertThat(events.path("items")).hasSize(1);
    assertThat(events.path("items").get(0).path("type").asText()).isEqualTo("server.stopped");
  }

  @Test
  void commandsSentOverRestWhileTheGameServerIsDownRunInOrderOnceItIsUp() throws Exception {
    String server = "eu-rcon";
    Path creds = gameServer(server);
    Files.writeString(dir.resolve("rcon.password"), "s3cret\n");
    int rconPort = FreePorts.next(); // nothing listens yet: the game server is down
    Path config =
        Files.writeString(
            dir.resolve(server + ".yaml"),
            """
            state_dir: state-%s
            status: { port: 0 }
            servers:
              - id: %s
                url: %s
                creds: %s
                outlet: { rcon: { port: %d, password_file: rcon.password } }
            """
                .formatted(server, server, platform.connectionInfo().brokerUrl(), creds, rconPort));

    List<String> ids = new ArrayList<>();
    try (Agent agent = Agent.start(AgentConfig.load(config))) {
      ids.add(send(server, "kick", Map.of("player_id", "7656")));
      ids.add(send(server, "broadcast", Map.of("text", "Restarting soon")));
      ids.add(send(server, "change_map", Map.of("map", "de_dust2")));
      ServerCounters counters = agent.server(server).orElseThrow().counters();
      await().until(() -> counters.get(Counter.COMMANDS_FAILED) >= 1); // a closed port, retried

      try (TestRconServer rcon = TestRconServer.start(Dialect.SOURCE, "s3cret", rconPort)) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    ids.stream()
                        .allMatch(
                            id -> command(server, id).path("status").asText().equals("succeeded")));
        assertThat(rcon.received())
            .containsExactly("kickid 7656", "say Restarting soon", "changelevel de_dust2");
      }
    }
    JsonNode kick = command(server, ids.get(0));
    assertThat(kick.path("output").path("console").asText()).isEqualTo("ran kickid 7656");
  }

  private static String send(String server, String name, Map<String, Object> args) {
    return api.post(path("servers", server, "commands"), Map.of("name", name, "args", args))
        .path("id")
        .asText();
  }

  private static JsonNode command(String server, String id) {
    return api.get(path("servers", server, "commands", id));
  }

  /** Registers {@code server} and writes the creds of a game-server user of it. */
  private static Path gameServer(String server) throws IOException {
    api.post(path("servers"), Map.of("id", server));
    JsonNode user =
        api.post(
            path("users"),
            Map.of("name", server + "-host", "kind", "game_server", "server", server));
    return Files.writeString(dir.resolve(server + ".creds"), user.path("creds").asText());
  }

  private static JsonNode status(String server) {
    return api.get(path("servers", server, "status"));
  }

  private static String path(String... segments) {
    String[] all = new String[segments.length + 2];
    all[0] = "accounts";
    all[1] = ACCOUNT;
    System.arraycopy(segments, 0, all, 2, segments.length);
    return RestClient.path(all);
  }

  private static Path config(String server, Path creds, int port) throws IOException {
    return Files.writeString(
        dir.resolve(server + ".yaml"),
        """
        state_dir: state-%s
        status: { port: 0 }
        servers:
          - id: %s
            url: %s
            creds: %s
            inputs:
              - { type: source-udp, bind: 127.0.0.1, port: %d, secret_file: logsecret, timezone: UTC }
        """
            .formatted(server, server, platform.connectionInfo().brokerUrl(), creds, port));
  }

  private static void send(DatagramSocket socket, int port, byte[] packet) throws IOException {
    socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
  }

  private static List<String> fixture() throws IOException {
    try (InputStream in = PlatformEndToEndTest.class.getResourceAsStream("/hl/cs2-match.log")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
