package dev.gamingapi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.sdk.CommandReceiver;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Command round trip on one embedded platform: a command sent over REST (operator token), run by an
 * SDK handler on the demo game server, and {@code succeeded} visible over REST. Commands start on a
 * fixed schedule of {@link #RATE} a second (open loop, each on its own virtual thread); a sender
 * polls its command every {@link #POLL} until it is succeeded, so the REST figure includes up to
 * one poll interval. The handler's own timestamp gives the send-to-run part without polling.
 */
final class CommandBench {
  private static final int RATE = 100;
  private static final int WARMUP = 200;
  private static final int MEASURED = 2_000;
  private static final Duration POLL = Duration.ofMillis(2);
  private static final double TARGET_MS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String base;
  private String token;

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("bench-commands-");
    try (Platform platform = new Platform(PlatformConfig.embedded(dataDir, 0)).start()) {
      ConnectionInfo info = platform.connectionInfo();
      token = Files.readString(info.operatorToken()).strip();
      base =
          info.httpUrl()
              + "/api/v1/accounts/"
              + Platform.DEFAULT_ACCOUNT
              + "/servers/"
              + Platform.DEMO_SERVER
              + "/commands";
      int total = WARMUP + MEASURED;
      AtomicLongArray sent = new AtomicLongArray(total);
      AtomicLongArray ran = new AtomicLongArray(total);
      Latencies run = new Latencies();
      Latencies visible = new Latencies();
      long[] roundTrips = new long[total];
      try (GameServerClient client =
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
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        for (int i = 0; i < total; i++) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
          }
          int seq = i;
          senders.submit(() -> roundTrips[seq] = roundTrip(seq, sent));
        }
        senders.shutdown();
        if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
          System.out.println("commands: some round trips did not end within 2 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = WARMUP; i < total; i++) {
          if (roundTrips[i] > 0) {
            visible.add(roundTrips[i]);
          }
          if (ran.get(i) > 0) {
            run.add(ran.get(i) - sent.get(i));
          }
        }
        System.out.printf(
            "commands: one embedded platform (nats-server child, SQLite), %d commands at %d/s"
                + " after %d warm-up (%.1f s in all), REST sender polling every %d ms%n",
            MEASURED, RATE, WARMUP, seconds, POLL.toMillis());
        System.out.printf("  sent over REST -> handler ran:              %s%n", run.summary());
        System.out.printf(
            "  sent over REST -> succeeded visible over REST: %s; within %.0f ms: %d/%d%n",
            visible.summary(), TARGET_MS, visible.within(TARGET_MS), visible.count());
        System.out.printf("  commands completed by the SDK: %d%n", receiver.completed());
      }
    }
  }

  /** Sends command {@code seq} and polls it until succeeded; the elapsed nanos, or -1. */
  private long roundTrip(int seq, AtomicLongArray sent) {
    long start = System.nanoTime();
    sent.set(seq, start);
    try {
      HttpResponse<String> posted =
          http.send(
              request(base)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"ping\",\"args\":{\"seq\":" + seq + "}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (posted.statusCode() != 202) {
        System.out.println("commands: send " + seq + " answered " + posted.body());
        return -1;
      }
      String id = JSON.readTree(posted.body()).path("id").asText();
      long deadline = start + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        HttpResponse<String> got =
            http.send(request(base + "/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode command = JSON.readTree(got.body());
        if ("succeeded".equals(command.path("status").asText())) {
          return System.nanoTime() - start;
        }
        Thread.sleep(POLL);
      }
      return -1;
    } catch (IOException e) {
      System.out.println("commands: " + e);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }
}
