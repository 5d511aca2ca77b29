package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.agent.outlet.CommandOutlet;
import dev.gamingapi.agent.outlet.Outlets;
import dev.gamingapi.agent.outlet.RconGame;
import dev.gamingapi.agent.outlet.RconSettings;
import dev.gamingapi.agent.outlet.Secret;
import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.sdk.rest.RestResponse;
import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command latency through the agent's RCON outlet: a {@code broadcast} command sent over REST
 * (operator token) to one embedded platform, taken by the SDK's command receiver of the demo game
 * server with the RCON outlet registered on it (as the agent does for an {@code outlet: {rcon:
 * ...}}), run as the console line {@code say bench <n>} on a Source RCON console ({@link
 * BenchRconServer}), and {@code succeeded} visible over REST. Ten commands a second, open loop; one
 * poller reads the newest succeeded commands every {@link #POLL}, so the REST figure includes up to
 * one poll interval, and the console's own arrival time gives the part without polling.
 */
final class AgentRconBench {
  private static final int RATE = 10;
  private static final int WARMUP = 20;
  private static final Duration POLL = Duration.ofMillis(2);
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
    Path password = Files.writeString(dataDir.resolve("rcon.password"), PASSWORD + "\n");
    try (Platform platform =
            new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir.resolve("data"), 0)))
                .start();
        BenchRconServer console =
            new BenchRconServer(
                PASSWORD,
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
          CommandOutlet outlet =
              Outlets.open(
                  new RconSettings(
                      "127.0.0.1",
                      console.port(),
                      Secret.fromFile(password),
                      RconGame.SOURCE,
                      null,
                      null));
          GameServerClient client =
              GameServerClient.builder()
                  .url(info.brokerUrl())
                  .credentials(info.gameServerCreds().get(Platform.DEMO_SERVER))
                  .journalDir(dataDir.resolve("journal"))
                  .build();
          CommandReceiver receiver = receiver(client, outlet);
          ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
        Map<String, Integer> seqOfId = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread poller = Thread.ofPlatform().start(() -> poll(api, seqOfId, visibleAt, stop));
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        for (int i = 0; i < total; i++) {
          long wait = start + i * interval - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
          }
          int seq = i;
          senders.submit(
              () -> {
                String id = send(api, seq, sent);
                if (id != null) {
                  seqOfId.put(id, seq);
                }
              });
        }
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (receiver.completed() < total && System.nanoTime() < deadline) {
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
            "agent-rcon: one embedded platform (nats-server child, SQLite), the demo server's SDK"
                + " command receiver with the agent's RCON outlet (game source) to a loopback RCON"
                + " console speaking the Source RCON protocol; %d broadcast commands at %d/s after"
                + " %d warm-up (%.1f s in all), one REST poller every %d ms%n",
            measured, RATE, WARMUP, seconds, POLL.toMillis());
        System.out.printf(
            "  sent over REST -> console line at RCON:         %s%n", atRcon.summary());
        System.out.printf(
            "  console line at RCON -> succeeded over REST:    %s%n", consoleToVisible.summary());
        System.out.printf(
            "  sent over REST -> succeeded visible over REST:  %s; %d of %d seen succeeded,"
                + " %d completed by the receiver%n",
            visible.summary(), visible.count(), measured, receiver.completed());
      }
    }
  }

  private static CommandReceiver receiver(GameServerClient client, CommandOutlet outlet) {
    CommandReceiver.Builder builder = CommandReceiver.builder(client);
    outlet.commandNames().forEach(name -> builder.on(name, outlet::run));
    return builder.start();
  }

  /** Sends command {@code seq}; its id, or null when the API refused it. */
  private static String send(RestClient api, int seq, AtomicLongArray sent) {
    sent.set(seq, System.nanoTime());
    try {
      RestResponse posted =
          api.send(
              "POST",
              COMMANDS,
              Map.of("name", "broadcast", "args", Map.of("text", "bench " + seq)));
      if (posted.status() != 202) {
        System.out.println("agent-rcon: send " + seq + " answered " + posted.body());
        return null;
      }
      return posted.body().path("id").asText();
    } catch (ApiProblemException e) {
      System.out.println("agent-rcon: send " + seq + " answered " + e.status() + " " + e.detail());
      return null;
    } catch (GamingApiException e) {
      System.out.println("agent-rcon: " + e);
      return null;
    }
  }

  /** The newest 200 succeeded commands every {@link #POLL}; the first sighting of an id counts. */
  private static void poll(
      RestClient api, Map<String, Integer> seqOfId, AtomicLongArray visibleAt, AtomicBoolean stop) {
    while (!stop.get()) {
      try {
        JsonNode page = api.get(COMMANDS + "?status=succeeded&limit=200");
        long now = System.nanoTime();
        for (JsonNode command : page.path("items")) {
          Integer seq = seqOfId.get(command.path("id").asText());
          if (seq != null && visibleAt.get(seq) == 0) {
            visibleAt.set(seq, now);
          }
        }
      } catch (GamingApiException e) {
        System.out.println("agent-rcon: poll: " + e);
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
