package dev.gamingapi.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.testkit.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole CS2 match log replayed over UDP with the real packet layout, to an agent publishing to a
 * real nats-server, each game server under its own credential.
 */
class UdpEndToEndTest {
  @TempDir Path dir;
  private TestBroker broker;
  private Agent agent;
  private int portA;
  private int portB;

  @BeforeEach
  void start() throws Exception {
    broker = TestBroker.start(dir, "eu-1", "eu-2");
    Files.writeString(dir.resolve("eu-1.logsecret"), "8675309\n");
    portA = FreePorts.next();
    portB = FreePorts.next();
    Path config =
        Files.writeString(
            dir.resolve("agent.yaml"),
            """
            state_dir: state
            status: { port: 0 }
            servers:
              - id: eu-1
                url: %s
                creds: eu-1.creds
                inputs:
                  - { type: source-udp, bind: 127.0.0.1, port: %d, secret_file: eu-1.logsecret, timezone: UTC }
              - id: eu-2
                url: %s
                creds: eu-2.creds
                inputs:
                  - { type: source-udp, bind: 127.0.0.1, port: %d, custom_unmapped: true }
            """
                .formatted(broker.url(), portA, broker.url(), portB));
    agent = Agent.start(AgentConfig.load(config));
  }

  @AfterEach
  void stop() {
    agent.close();
    broker.close();
  }

  @Test
  void aReplayedMatchIsStoredAsTheEventsTheLogImpliesUnderEachServersOwnCredential()
      throws Exception {
    List<String> lines = fixture();
    try (DatagramSocket sender = new DatagramSocket()) {
      for (String line : lines) {
        send(sender, portA, packet('S', "8675309", line));
      }
      send(sender, portB, packet('R', "", "L 12/07/2026 - 10:00:00: Loading map \"cs_office\""));
      send(
          sender,
          portB,
          packet('R', "", "L 12/07/2026 - 10:00:01: server_cvar: \"sv_cheats\" \"0\""));
    }
    // 24 events from the match (see HlLogMapperTest), 2 from eu-2 (one of them the raw line)
    await().until(() -> broker.count() == 26);
    List<TestBroker.Stored> stored = broker.stored();
    List<String> eu1 =
        stored.stream()
            .filter(event -> event.subject().startsWith("v1.servers.eu-1."))
            .map(event -> event.subject().substring("v1.servers.eu-1.".length()))
            .toList();
    assertThat(eu1)
        .containsExactly(
            "events.server.started",
            "players.76561197960290418.events.player.connected",
            "players.76561197960290418.events.custom.team_joined",
            "players.76561197960274213.events.player.connected",
            "players.76561197960274213.events.custom.team_joined",
            "players." + botZed() + ".events.player.connected",
            "events.match.started",
            "events.custom.round_started",
            "players.76561197960290418.events.player.killed",
            "players.76561197960274213.events.player.died",
            "players." + botZed() + ".events.player.killed",
            "players.76561197960290418.events.player.died",
            "players.76561197960290418.events.player.chatted",
            "players.76561197960274213.events.player.chatted",
            "players.76561197960274213.events.player.scored",
            "players.console.events.player.chatted",
            "events.custom.team_scored",
            "events.custom.team_scored",
            "events.custom.round_ended",
            "events.match.ended",
            "players.76561197960274213.events.player.disconnected",
            "players." + botZed() + ".events.player.died",
            "players.76561197960290418.events.custom.name_changed",
            "events.server.stopped");
    assertThat(stored)
        .filteredOn(event -> event.subject().contains("match.ended"))
        .singleElement()
        .extracting(TestBroker.Stored::body)
        .isEqualTo(
            "{\"match_id\":\"de_dust2-20261207T100100\",\"winner\":\"CT\",\"duration_seconds\":60}");
    assertThat(stored)
        .filteredOn(event -> event.subject().startsWith("v1.servers.eu-2."))
        .extracting(TestBroker.Stored::subject)
        .containsExactly(
            "v1.servers.eu-2.events.server.started", "v1.servers.eu-2.events.custom.log_line");
    assertThat(stored).extracting(TestBroker.Stored::id).doesNotHaveDuplicates();

    ServerCounters eu1Counters = agent.server("eu-1").orElseThrow().counters();
    // The fixture's header-less line makes no Source log packet ("S" + secret + "L ..."): refused.
    assertThat(eu1Counters.get(Counter.LINES_READ)).isEqualTo(lines.size() - 1);
    assertThat(eu1Counters.get(Counter.REFUSED_PACKETS)).isEqualTo(1);
    assertThat(eu1Counters.get(Counter.UNMAPPED)).isEqualTo(3);
    assertThat(eu1Counters.get(Counter.MALFORMED)).isEqualTo(2);
    String metrics = get("/metrics");
    assertThat(metrics)
        .contains("gamingapi_agent_lines_read_total{server=\"eu-1\"} " + (lines.size() - 1))
        .contains("gamingapi_agent_events_published_total{server=\"eu-2\"} 2")
        .contains("# TYPE gamingapi_agent_malformed_total counter");
    assertThat(get("/status")).contains("\"source-udp-0.receive_buffer\"");
  }

  @Test
  void packetsWithAWrongOrMissingSecretAreRefusedAndNothingOfThemPublished() throws Exception {
    String line = "L 12/07/2026 - 10:00:00: Loading map \"de_nuke\"";
    try (DatagramSocket sender = new DatagramSocket()) {
      send(sender, portA, packet('S', "1234567", line));
      send(sender, portA, packet('R', "", line));
      send(sender, portA, "not a log packet".getBytes(StandardCharsets.UTF_8));
      send(sender, portA, packet('S', "8675309", "L 12/07/2026 - 10:00:01: Log file closed"));
    }
    ServerCounters counters = agent.server("eu-1").orElseThrow().counters();
    await().until(() -> broker.count() == 1);
    assertThat(counters.get(Counter.REFUSED_PACKETS)).isEqualTo(3);
    assertThat(broker.stored())
        .extracting(TestBroker.Stored::subject)
        .containsExactly("v1.servers.eu-1.events.server.stopped");
  }

  private String get(String path) throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.statusPort() + path))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }

  private static String botZed() {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest("Zed".getBytes(StandardCharsets.UTF_8));
      return "bot_" + java.util.HexFormat.of().formatHex(digest, 0, 8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Source packet: FF FF FF FF, 'R' or 'S' + secret, the line, "\n\0". */
  static byte[] packet(char type, String secret, String line) {
    byte[] text = (type + secret + line + "\n\0").getBytes(StandardCharsets.UTF_8);
    byte[] packet = new byte[4 + text.length];
    java.util.Arrays.fill(packet, 0, 4, (byte) 0xFF);
    System.arraycopy(text, 0, packet, 4, text.length);
    return packet;
  }

  private static void send(DatagramSocket socket, int port, byte[] packet) throws IOException {
    socket.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
  }

  private static List<String> fixture() throws IOException {
    try (InputStream in = UdpEndToEndTest.class.getResourceAsStream("/hl/cs2-match.log")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
