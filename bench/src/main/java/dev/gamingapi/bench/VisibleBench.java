package dev.gamingapi.bench;

import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.server.app.Platform;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Event published to visible in a leaderboard over REST, at a steady rate: the SDK publishes {@link
 * #RATE} events a second on a fixed schedule (open loop) for the demo game server, kills of random
 * players on the {@code kills} board; every {@link #MARKER_EVERY}th event is a marker, a {@code
 * player.scored} of a new player on the {@code probe} board. One REST poller reads the probe
 * board's count every {@link #POLL}: markers are applied in log order, so a count of n means the
 * first n markers are visible, and marker i's latency is the first poll that saw it minus the time
 * its {@code publish()} was called (so it includes up to one poll interval).
 */
final class VisibleBench {
  private static final int RATE = 5_000;
  private static final int MARKER_EVERY = 50;
  private static final Duration RUN = Duration.ofSeconds(30);
  private static final Duration WARMUP = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(2);
  private static final Duration WINDOW = Duration.ofSeconds(5);
  private static final double TARGET_MS = 250;

  private final HistoryPlatform platform;

  VisibleBench(HistoryPlatform platform) {
    this.platform = platform;
  }

  void run() throws Exception {
    platform.defineBoard("probe", Map.of("stat", "scored.probe", "operator", "set"));
    // A new board is backfilled from the tenant's log (the apply benchmark's events) while the
    // consumer pauses: the figure is the steady state at the given rate, so the clock starts once
    // that is done.
    platform.awaitCaughtUp(Duration.ofMinutes(5));
    // The raw baseline first, at the same rate and schedule: the same machine at the same moment.
    MarkerLatencies raw = new RawLatency(RATE, MARKER_EVERY, RUN, WARMUP, WINDOW).measure();
    int total = (int) (RATE * RUN.toSeconds());
    int markers = total / MARKER_EVERY;
    AtomicLongArray published = new AtomicLongArray(markers);
    AtomicLongArray visible = new AtomicLongArray(markers);
    AtomicBoolean stop = new AtomicBoolean();
    Thread poller = Thread.ofPlatform().start(() -> poll(visible, stop));
    Random random = new Random(5);
    long start = System.nanoTime();
    try (GameServerClient client =
        GameServerClient.builder()
            .url(platform.info().brokerUrl())
            .credentials(platform.info().gameServerCreds().get(Platform.DEMO_SERVER))
            .journalDir(platform.dataDir().resolve("bench-journal"))
            .build()) {
      long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
      for (int i = 0; i < total; i++) {
        long wait = start + i * interval - System.nanoTime();
        if (wait > 50_000) {
          Thread.sleep(Duration.ofNanos(wait));
        }
        if (i % MARKER_EVERY == 0) {
          int marker = i / MARKER_EVERY;
          published.set(marker, System.nanoTime());
          client.publish(new PlayerScored("probe" + marker, "probe", 1, ScoreOperator.SET));
        } else {
          client.publish(
              new PlayerKilled(
                  "p" + random.nextInt(5_000), "p" + random.nextInt(5_000), "ak47", null, null));
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (visible.get(markers - 1) == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      stop.set(true);
      poller.join();
      MarkerLatencies ours = MarkerLatencies.of(published, visible, start, WARMUP, RUN, WINDOW);
      System.out.printf(
          "  p99 ms per %d s after the warm-up:%s%n", WINDOW.toSeconds(), ours.windows());
      System.out.printf(
          "  publish -> visible in a leaderboard over REST, %,d events at %,d/s (%.1f s), markers"
              + " after %d s of warm-up: %s; not seen: %d; p99 target < %.0f ms: %s%n",
          total,
          RATE,
          seconds,
          WARMUP.toSeconds(),
          ours.overall().summary(),
          ours.unseen(),
          TARGET_MS,
          ours.p99() < TARGET_MS && ours.unseen() == 0 ? "OK" : "MISSED");
      System.out.printf(
          "  same-run raw baseline (raw jnats publishAsync + Msg-Id -> durable pull consumer on a"
              + " plain nats-server, same rate and markers): %s; p99 per window:%s; p99 ours/raw"
              + " %.1fx%n",
          raw.overall().summary(), raw.windows(), ours.p99() / raw.p99());
    }
  }

  private void poll(AtomicLongArray visible, AtomicBoolean stop) {
    String count = platform.boards() + "/probe/count";
    int seen = 0;
    while (!stop.get()) {
      ControlApi.Reply reply = platform.api().get(count);
      long now = System.nanoTime();
      if (reply.status() == 200) {
        int n = (int) Math.min(visible.length(), reply.json().path("count").asLong());
        for (; seen < n; seen++) {
          visible.set(seen, now);
        }
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
