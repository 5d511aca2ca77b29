package dev.gamingapi.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The historical database's benchmarks (issue 4), on SQLite and, when {@code
 * GAMINGAPI_BENCH_DATABASE_URL} names one, PostgreSQL: the read models' apply rate against raw
 * jnats fetch + ack, leaderboard query latency with a million ranked players, and the time from
 * publishing an event to seeing it in a leaderboard over REST at a steady publish rate.
 */
final class HistoryBench {
  /** A PostgreSQL for the benchmark ({@code ./run-bench} starts a durable one when unset). */
  static final String DATABASE_ENV = "GAMINGAPI_BENCH_DATABASE_URL";

  private final BenchArgs args;

  HistoryBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    List<String> databases = new ArrayList<>();
    if (args.historyDatabases().contains("sqlite")) {
      databases.add(null);
    }
    String postgres = System.getenv(DATABASE_ENV);
    if (!args.historyDatabases().contains("postgres")) {
      // not asked for
    } else if (postgres != null && !postgres.isBlank()) {
      databases.add(postgres);
    } else {
      System.out.println("history: " + DATABASE_ENV + " is unset: SQLite only");
    }
    for (String url : databases) {
      try (HistoryPlatform platform = new HistoryPlatform(url)) {
        System.out.printf(
            "history on %s (one embedded platform, nats-server child):%n", platform.database());
        if (args.historyParts().contains("apply")) {
          new ApplyBench(platform, args.historyEvents(), args.rounds()).run();
        }
        if (args.historyParts().contains("visible")) {
          new VisibleBench(platform).run();
        }
        if (args.historyParts().contains("leaderboard")) {
          platform.awaitCaughtUp(java.time.Duration.ofMinutes(5));
          new LeaderboardBench(platform, args.players()).run();
        }
      }
    }
  }
}
