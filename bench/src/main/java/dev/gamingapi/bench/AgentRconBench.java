package dev.gamingapi.bench;

import dev.gamingapi.agent.Agent;
import dev.gamingapi.agent.config.AgentConfig;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.testkit.rcon.TestRconServer;
import dev.gamingapi.testkit.rcon.TestRconServer.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command latency through the agent's RCON outlet: a {@code broadcast} command sent over REST
 * (operator token) to one embedded platform, taken by an agent started from its config file for the
 * demo game server (its own credential, an {@code outlet: rcon:}), run as the console line {@code
 * say bench <n>} on a Source RCON console ({@link TestRconServer}, the agent tests' own), and
 * {@code succeeded} visible over REST. Ten commands a second, open loop; one poller reads the
 * newest succeeded commands every {@link CommandTrips#POLL}, so the REST figure includes up to one
 * poll interval, and the console's own arrival time gives the part without polling.
 */
final class AgentRconBench {
  private static final int RATE = 10;
  private static final int WARMUP = 20;
  private static final String PASSWORD = "bench-rcon";
  private static final Pattern LINE = Pattern.compile("say bench (\\d+)");
  private static final String COMMANDS =
      RestClient.path(
          "accounts", Platform.DEFAULT_ACCOUNT, "servers", Platform.DEMO_SERVER, "commands");

  private final BenchArgs args;

  AgentRconBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    int measured = args.rconCommands();
    int total = WARMUP + measured;
    AtomicLongArray sent = new AtomicLongArray(total);
    AtomicLongArray atConsole = new AtomicLongArray(total);
    AtomicLongArray visibleAt = new AtomicLongArray(total);
    Path dataDir = Files.createTempDirectory("bench-agent-rcon-");
    try (Platform platform =
            new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir.resolve("data"), 0)))
                .start();
        TestRconServer console =
            TestRconServer.start(Dialect.SOURCE, PASSWORD)
                .onLine(
                    line -> {
                      Matcher seq = LINE.matcher(line);
                      if (seq.matches()) {
                        atConsole.set(Integer.parseInt(seq.group(1)), System.nanoTime());
                      }
                    })) {
      ConnectionInfo info = platform.connectionInfo();
      try (RestClient api =
              RestClient.builder()
                  .url(info.httpUrl())
                  .token(Files.readString(info.operatorToken()).strip())
                  .build();
          Agent agent = Agent.start(AgentConfig.load(config(dataDir, info, console.port())))) {
        Map<String, Integer> seqOfId = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        CommandTrips trips = new CommandTrips(api, COMMANDS, "agent-rcon");
        Thread poller = Thread.ofPlatform().start(() -> trips.poll(seqOfId, visibleAt, stop));
        long start = System.nanoTime();
        trips.sendOnSchedule(
            total, RATE, "broadcast", seq -> Map.of("text", "bench " + seq), sent, null, seqOfId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        ServerCounters counters = agent.server(Platform.DEMO_SERVER).orElseThrow().counters();
        while (counters.get(Counter.COMMANDS_SUCCEEDED) + counters.get(Counter.COMMANDS_FAILED)
                < total
            && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        Thread.sleep(500); // the last results reach the table and the poller
        stop.set(true);
        poller.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        Latencies atRcon = new Latencies();
        Latencies visible = new Latencies();
        Latencies consoleToVisible = new Latencies();
        for (int i = WARMUP; i < total; i++) {
          if (atConsole.get(i) > 0) {
            atRcon.add(atConsole.get(i) - sent.get(i));
          }
          if (visibleAt.get(i) > 0) {
            visible.add(visibleAt.get(i) - sent.get(i));
          }
          if (atConsole.get(i) > 0 && visibleAt.get(i) > 0) {
            consoleToVisible.add(visibleAt.get(i) - atConsole.get(i));
          }
        }
        System.out.printf(
            "agent-rcon: one embedded platform (nats-server child, SQLite), an agent for its demo"
                + " server with an RCON outlet (game source) to a loopback RCON console speaking the"
                + " Source RCON protocol; %d broadcast commands at %d/s after %d warm-up (%.1f s in"
                + " all), one REST poller every %d ms%n",
            measured, RATE, WARMUP, seconds, CommandTrips.POLL.toMillis());
        System.out.printf(
            "  sent over REST -> console line at RCON:         %s%n", atRcon.summary());
        System.out.printf(
            "  console line at RCON -> succeeded over REST:    %s%n", consoleToVisible.summary());
        System.out.printf(
            "  sent over REST -> succeeded visible over REST:  %s; %d of %d seen succeeded; the"
                + " agent counted %d run, %d succeeded, %d failed%n",
            visible.summary(),
            visible.count(),
            measured,
            counters.get(Counter.COMMANDS_RUN),
            counters.get(Counter.COMMANDS_SUCCEEDED),
            counters.get(Counter.COMMANDS_FAILED));
      }
    }
  }

  /**
   * The agent's config: the demo server under its own credential, an RCON outlet to {@code
   * console}, the password from a file as the agent requires.
   */
  private static Path config(Path dataDir, ConnectionInfo info, int consolePort)
      throws IOException {
    Files.writeString(dataDir.resolve("rcon.password"), PASSWORD + "\n");
    return Files.writeString(
        dataDir.resolve("agent.yaml"),
        """
        state_dir: agent-state
        status: { port: 0 }
        servers:
          - id: %s
            url: %s
            creds: %s
            outlet:
              rcon: { host: 127.0.0.1, port: %d, game: source, password_file: rcon.password }
        """
            .formatted(
                Platform.DEMO_SERVER,
                info.brokerUrl(),
                info.gameServerCreds().get(Platform.DEMO_SERVER).toAbsolutePath(),
                consolePort));
  }
}
