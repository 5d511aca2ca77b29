package dev.gamingapi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples of one kind of request, reported as p50, p99 and max in milliseconds. */
final class Latencies {
  private final List<Long> nanos = new ArrayList<>();

  void add(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  int count() {
    return nanos.size();
  }

  long totalNanos() {
    return nanos.stream().mapToLong(Long::longValue).sum();
  }

  /** The samples from {@code from} (inclusive) to {@code to} (exclusive), in recording order. */
  Latencies slice(int from, int to) {
    Latencies part = new Latencies();
    nanos.subList(Math.max(0, from), Math.min(to, nanos.size())).forEach(part::add);
    return part;
  }

  /** The {@code q} quantile (nearest rank) in milliseconds; NaN without samples. */
  double quantileMillis(double q) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1))) / 1e6;
  }

  /** {@code p50 X ms, p99 Y ms, max Z ms (n=N)}. */
  String summary() {
    return String.format(
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)",
        quantileMillis(0.50), quantileMillis(0.99), quantileMillis(1.0), nanos.size());
  }

  /** {@code p50 X ms, p99 Y ms} to the hundredth of a millisecond (n=N), for sub-ms figures. */
  String fineSummary() {
    return String.format(
        "p50 %.2f ms, p99 %.2f ms (n=%d)",
        quantileMillis(0.50), quantileMillis(0.99), nanos.size());
  }

  /** How many samples are at most {@code millis}. */
  long within(double millis) {
    return nanos.stream().filter(n -> n <= millis * 1e6).count();
  }

  static double millis(long nanos) {
    return nanos / 1e6;
  }
}
