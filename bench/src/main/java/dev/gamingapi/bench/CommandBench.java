package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Command round trip on one embedded platform: a command sent over REST (operator token), run by an
 * SDK handler on the demo game server, and {@code succeeded} visible over REST. Commands start on a
 * fixed schedule of {@link #RATE} a second (open loop, each on its own virtual thread); one poller
 * reads the newest succeeded commands every {@link #POLL} (a constant load, unlike one poller per
 * command, whose load grows with the latency it measures), so the REST figure includes up to one
 * poll interval. The handler's own timestamp gives the send-to-run part without polling.
 */
final class CommandBench {
  private static final int RATE = 100;
  private static final int WARMUP = 200;
  private static final int MEASURED = 2_000;
  private static final Duration POLL = Duration.ofMillis(2);
  private static final double TARGET_MS = 100;
  private static final String COMMANDS =
      RestClient.path(
          "accounts", Platform.DEFAULT_ACCOUNT, "servers", Platform.DEMO_SERVER, "commands");

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("bench-commands-");
    try (Platform platform =
        new Platform(PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))).start()) {
      ConnectionInfo info = platform.connectionInfo();
      int total = WARMUP + MEASURED;
      AtomicLongArray sent = new AtomicLongArray(total);
      AtomicLongArray ran = new AtomicLongArray(total);
      Latencies run = new Latencies();
      Latencies visible = new Latencies();
      try (RestClient api =
              RestClient.builder()
                  .url(info.httpUrl())
                  .token(Files.readString(info.operatorToken()).strip())
                  .build();
          GameServerClient client =
              GameServerClient.builder()
                  .url(info.brokerUrl())
                  .credentials(info.gameServerCreds().get(Platform.DEMO_SERVER))
                  .journalDir(dataDir.resolve("journal"))
                  .build();
          CommandReceiver receiver =
              CommandReceiver.builder(client)
                  .on(
                      "ping",
                      cmd -> {
                        ran.set(cmd.args().path("seq").asInt(), System.nanoTime());
                        return null;
                      })
                  .start();
          ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
        Map<String, Integer> seqOfId = new ConcurrentHashMap<>();
        AtomicLongArray visibleAt = new AtomicLongArray(total);
        AtomicBoolean stop = new AtomicBoolean();
        Thread poller = Thread.ofPlatform().start(() -> poll(api, seqOfId, visibleAt, stop));
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        for (int i = 0; i < total; i++) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
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
        for (int i = WARMUP; i < total; i++) {
          if (visibleAt.get(i) > 0) {
            visible.add(visibleAt.get(i) - sent.get(i));
          }
          if (ran.get(i) > 0) {
            run.add(ran.get(i) - sent.get(i));
          }
        }
        System.out.printf(
            "commands: one embedded platform (nats-server child, SQLite), %d commands at %d/s"
                + " after %d warm-up (%.1f s in all), one REST poller every %d ms%n",
            MEASURED, RATE, WARMUP, seconds, POLL.toMillis());
        System.out.printf("  sent over REST -> handler ran:              %s%n", run.summary());
        System.out.printf(
            "  sent over REST -> succeeded visible over REST: %s; within %.0f ms: %d of %d sent"
                + " (a command seen by no poll counts as not within)%n",
            visible.summary(), TARGET_MS, visible.within(TARGET_MS), MEASURED);
        System.out.printf("  commands completed by the SDK: %d%n", receiver.completed());
      }
    }
  }

  /** Sends command {@code seq}; its id, or null when the API refused it. */
  private static String send(RestClient api, int seq, AtomicLongArray sent) {
    sent.set(seq, System.nanoTime());
    try {
      RestResponse posted =
          api.send("POST", COMMANDS, Map.of("name", "ping", "args", Map.of("seq", seq)));
      if (posted.status() != 202) {
        System.out.println("commands: send " + seq + " answered " + posted.body());
        return null;
      }
      return posted.body().path("id").asText();
    } catch (ApiProblemException e) {
      System.out.println("commands: send " + seq + " answered " + e.status() + " " + e.detail());
      return null;
    } catch (GamingApiException e) {
      System.out.println("commands: " + e);
      return null;
    }
  }

  /**
   * One poller for all commands, so the polling load stays the same however many are in flight: the
   * newest 200 succeeded commands every {@link #POLL}; the first time an id shows up is when its
   * success became visible over REST.
   */
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
        System.out.println("commands: poll: " + e);
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
