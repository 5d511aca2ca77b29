package dev.gamingapi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies of the markers of an open-loop run (when each was published, when it was seen), after
 * the warm-up, overall and as the p99 of each window: whether slow markers cluster (a checkpoint, a
 * rebuild) or spread.
 *
 * @param overall every marker published after the warm-up and seen
 * @param windowP99s the p99 in milliseconds of each window after the warm-up
 * @param unseen markers published after the warm-up and never seen
 */
record MarkerLatencies(Latencies overall, List<Double> windowP99s, int unseen) {
  static MarkerLatencies of(
      AtomicLongArray published,
      AtomicLongArray seen,
      long start,
      Duration warmup,
      Duration run,
      Duration window) {
    long measuredFrom = start + warmup.toNanos();
    Latencies overall = new Latencies();
    int unseen = 0;
    for (int i = 0; i < published.length(); i++) {
      if (published.get(i) < measuredFrom) {
        continue;
      }
      if (seen.get(i) == 0) {
        unseen++;
      } else {
        overall.add(seen.get(i) - published.get(i));
      }
    }
    List<Double> windows = new ArrayList<>();
    for (long from = measuredFrom; from < start + run.toNanos(); from += window.toNanos()) {
      Latencies part = new Latencies();
      for (int i = 0; i < published.length(); i++) {
        long at = published.get(i);
        if (at >= from && at < from + window.toNanos() && seen.get(i) != 0) {
          part.add(seen.get(i) - at);
        }
      }
      windows.add(part.quantileMillis(0.99));
    }
    return new MarkerLatencies(overall, List.copyOf(windows), unseen);
  }

  /** The windows' p99s, as {@code " 12 9 30"}. */
  String windows() {
    StringBuilder text = new StringBuilder();
    windowP99s.forEach(p -> text.append(String.format(" %.0f", p)));
    return text.toString();
  }

  double p99() {
    return overall.quantileMillis(0.99);
  }
}
