package dev.gamingapi.server.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the steps of the platform's stop one after the other and logs, in one line, how long each
 * took: with thousands of tenants the stop is made of per-tenant work, and the line says which part
 * of it grows.
 */
final class StopWatchLog {
  private static final Logger LOG = LoggerFactory.getLogger(StopWatchLog.class);

  private final long started = System.nanoTime();
  private final List<String> parts = new ArrayList<>();

  /** Runs {@code step}, timed under {@code name}. */
  void run(String name, Runnable step) {
    long start = System.nanoTime();
    try {
      step.run();
    } finally {
      parts.add(name + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
  }

  /** Logs the whole stop's time and each step's. */
  void log() {
    LOG.info(
        "platform stopped in {} ms ({})",
        (System.nanoTime() - started) / 1_000_000,
        String.join(", ", parts));
  }
}
