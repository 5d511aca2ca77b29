package dev.gamingapi.server.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of {@code deploy/observability/} and the metric names their queries use. */
final class ObservabilityFiles {
  static final Path DIR = Path.of("..", "deploy", "observability");
  static final Path ALERTS = DIR.resolve("alerts.yml");
  static final Path ALERTS_TEST = DIR.resolve("alerts-test.yml");
  static final Path PROMETHEUS = DIR.resolve("prometheus.yml");
  static final Path PROMETHEUS_REMOTE = DIR.resolve("prometheus-remote.yml");
  static final Path DASHBOARD = DIR.resolve("grafana/gamingapi-dashboard.json");

  // Every metric the files use has one of these prefixes (the platform's own, and Micrometer's JVM
  // and process binders); Prometheus' own "up" is not the platform's to serve. Label names and
  // PromQL functions never start so, which is what lets a plain pattern stand for a parser.
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:gamingapi|jvm|process|system)_[a-z0-9_]+)\\b");

  private ObservabilityFiles() {}

  /** The metric names used anywhere in {@code file}. */
  static Set<String> metricsUsedBy(Path file) {
    try {
      Set<String> names = new TreeSet<>();
      Matcher matcher = METRIC.matcher(Files.readString(file));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
