package dev.gamingapi.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Rates measured in rounds, summarised by their median. */
final class Figures {
  private final List<Double> rates = new ArrayList<>();

  void add(double eventsPerSecond) {
    rates.add(eventsPerSecond);
  }

  double median() {
    List<Double> sorted = new ArrayList<>(rates);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  static double rate(int events, long nanos) {
    return events / (nanos / 1e9);
  }

  static String perSecond(double rate) {
    return String.format("%,.0f events/s", rate);
  }

  static void report(String name, String rawLabel, Figures raw, Figures ours, double target) {
    double ratio = ours.median() / raw.median();
    System.out.printf(
        "%s: %s %s | GamingAPI SDK %s | ratio %.2f (target >= %.2f) %s%n",
        name,
        rawLabel,
        perSecond(raw.median()),
        perSecond(ours.median()),
        ratio,
        target,
        ratio >= target ? "OK" : "BELOW TARGET");
  }
}
