package dev.gamingapi.bench;

import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Command round trip on one embedded platform: a command sent over REST (operator token), run by an
 * SDK handler on the demo game server, and {@code succeeded} visible over REST. Commands start on a
 * fixed schedule of {@link #RATE} a second (open loop, each on its own virtual thread); one poller
 * reads the newest succeeded commands every {@link CommandTrips#POLL} (a constant load, unlike one
 * poller per command, whose load grows with the latency it measures), so the REST figure includes
 * up to one poll interval. The handler's own timestamp gives the send-to-run part without polling.
 *
 * <p>Two phases on the same platform: the tenant otherwise idle, then while the demo server also
 * publishes {@link #LOAD_RATE} kills a second, which the tenant's read models apply meanwhile (the
 * load a game server in play puts on the same tenant, database and broker).
 */
final class CommandBench {
  private static final int RATE = 100;
  private static final int LOAD_RATE = 5_000;
  private static final int WARMUP = 200;
  private static final int MEASURED = 2_000;
  private static final double TARGET_MS = 100;
  private static final String COMMANDS =
      RestClient.path(
          "accounts", Platform.DEFAULT_ACCOUNT, "servers", Platform.DEMO_SERVER, "commands");

  // Where the handler notes when each command of the current phase ran.
  private final AtomicReference<AtomicLongArray> ranAt = new AtomicReference<>();

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("bench-commands-");
    try (Platform platform =
        new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))).start()) {
      ConnectionInfo info = platform.connectionInfo();
      try (RestClient api =
              RestClient.builder()
                  .url(info.httpUrl())
                  .token(Files.readString(info.operatorToken()).strip())
                  .build();
          GameServerClient client = gameServer(info, dataDir.resolve("journal"));
          CommandReceiver receiver =
              CommandReceiver.builder(client)
                  .on(
                      "ping",
                      cmd -> {
                        ranAt.get().set(cmd.args().path("seq").asInt(), System.nanoTime());
                        return null;
                      })
                  .start()) {
        System.out.printf(
            "commands: one embedded platform (nats-server child, SQLite), %d commands at %d/s"
                + " after %d warm-up, one REST poller every %d ms%n",
            MEASURED, RATE, WARMUP, CommandTrips.POLL.toMillis());
        // The same-run raw baseline: one JetStream hop at the commands' rate. A command makes two
        // (to the game server, its result back to the platform), plus REST and the database.
        MarkerLatencies raw =
            new RawLatency(
                    RATE, 1, Duration.ofSeconds(20), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .measure();
        System.out.printf(
            "  same-run raw baseline, one hop (raw jnats publishAsync + Msg-Id -> durable pull"
                + " consumer on a plain nats-server) at %d/s: %s; p99 per 5 s:%s%n",
            RATE, raw.overall().summary(), raw.windows());
        phase("the tenant otherwise idle", api, receiver, null);
        try (GameServerClient loader = gameServer(info, dataDir.resolve("load-journal"))) {
          phase(
              "while the server publishes " + LOAD_RATE + " events/s that the read models apply",
              api,
              receiver,
              loader);
        }
      }
    }
  }

  private static GameServerClient gameServer(ConnectionInfo info, Path journal) {
    return GameServerClient.builder()
        .url(info.brokerUrl())
        .credentials(info.gameServerCreds().get(Platform.DEMO_SERVER))
        .journalDir(journal)
        .build();
  }

  /** One phase: commands sent at {@link #RATE}, with {@code loader} publishing meanwhile if set. */
  private void phase(
      String label, RestClient api, CommandReceiver receiver, GameServerClient loader)
      throws Exception {
    int total = WARMUP + MEASURED;
    AtomicLongArray sent = new AtomicLongArray(total);
    AtomicLongArray answered = new AtomicLongArray(total);
    AtomicLongArray ran = new AtomicLongArray(total);
    ranAt.set(ran);
    long completedBefore = receiver.completed();
    AtomicBoolean stop = new AtomicBoolean();
    Thread load = loader == null ? null : Thread.ofPlatform().start(() -> publish(loader, stop));
    Map<String, Integer> seqOfId = new ConcurrentHashMap<>();
    AtomicLongArray visibleAt = new AtomicLongArray(total);
    CommandTrips trips = new CommandTrips(api, COMMANDS, "commands");
    Thread poller = Thread.ofPlatform().start(() -> trips.poll(seqOfId, visibleAt, stop));
    long start = System.nanoTime();
    trips.sendOnSchedule(total, RATE, "ping", seq -> Map.of("seq", seq), sent, answered, seqOfId);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (receiver.completed() - completedBefore < total && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(500); // the last results reach the table and the poller
    stop.set(true);
    poller.join();
    if (load != null) {
      load.join();
    }
    Latencies accepted = new Latencies();
    Latencies run = new Latencies();
    Latencies visible = new Latencies();
    for (int i = WARMUP; i < total; i++) {
      if (answered.get(i) > 0) {
        accepted.add(answered.get(i) - sent.get(i));
      }
      if (visibleAt.get(i) > 0) {
        visible.add(visibleAt.get(i) - sent.get(i));
      }
      if (ran.get(i) > 0) {
        run.add(ran.get(i) - sent.get(i));
      }
    }
    System.out.printf("  %s (%.1f s):%n", label, (System.nanoTime() - start) / 1e9);
    System.out.printf("    sent over REST -> 202 answered:             %s%n", accepted.summary());
    System.out.printf("    sent over REST -> handler ran:              %s%n", run.summary());
    System.out.printf(
        "    sent over REST -> succeeded visible over REST: %s; within %.0f ms: %d of %d sent"
            + " (a command seen by no poll counts as not within)%n",
        visible.summary(), TARGET_MS, visible.within(TARGET_MS), MEASURED);
    System.out.printf(
        "    commands completed by the SDK: %d%n", receiver.completed() - completedBefore);
  }

  /** Kills at {@link #LOAD_RATE} a second on a fixed schedule until {@code stop}. */
  private static void publish(GameServerClient loader, AtomicBoolean stop) {
    Random random = new Random(9);
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / LOAD_RATE;
    try {
      for (long i = 0; !stop.get(); i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 50_000) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        loader.publish(
            new PlayerKilled(
                "p" + random.nextInt(5_000), "p" + random.nextInt(5_000), "ak47", null, null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
