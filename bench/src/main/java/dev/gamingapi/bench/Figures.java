package dev.gamingapi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rates of raw jnats and of the SDK measured in alternating rounds on the same broker. The ratio
 * reported is the median of the per-round ratios: the two sides of one round share the machine's
 * state (JIT, page cache, the other core's load), so a paired ratio is steadier than a ratio of two
 * medians taken from different rounds.
 */
final class Figures {
  private final List<Double> raw = new ArrayList<>();
  private final List<Double> ours = new ArrayList<>();
  private final String label;

  /** Figures whose rounds print without a label. */
  Figures() {
    this("");
  }

  /** Figures whose rounds print with {@code label} in front (for several sets in one run). */
  Figures(String label) {
    this.label = label.isEmpty() ? "" : label + " ";
  }

  /** Records one round of both sides and prints that round's own figures. */
  void round(double rawRate, double ourRate) {
    raw.add(rawRate);
    ours.add(ourRate);
    System.out.printf(
        "  %sround %d: raw %s, sdk %s (ratio %.2f)%n",
        label, raw.size(), perSecond(rawRate), perSecond(ourRate), ourRate / rawRate);
  }

  /** Prints the medians of both sides and the median paired ratio against {@code target}. */
  void report(String name, String rawLabel, double target) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      ratios.add(ours.get(i) / raw.get(i));
    }
    double ratio = median(ratios);
    System.out.printf(
        "%s: %s %s | GamingAPI SDK %s | ratio %.2f (median of %d rounds; target >= %.2f) %s%n",
        name,
        rawLabel,
        perSecond(median(raw)),
        perSecond(median(ours)),
        ratio,
        ratios.size(),
        target,
        ratio >= target ? "OK" : "BELOW TARGET");
  }

  static double rate(int events, long nanos) {
    return events / (nanos / 1e9);
  }

  static String perSecond(double rate) {
    return String.format("%,.0f events/s", rate);
  }

  /** The median of {@code values}. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
