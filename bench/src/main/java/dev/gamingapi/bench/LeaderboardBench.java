package dev.gamingapi.bench;

import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.readmodel.leaderboards.Board;
import dev.gamingapi.server.readmodel.leaderboards.BoardQueries;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import dev.gamingapi.server.store.Database;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.jdbi.v3.core.Jdbi;

/**
 * Leaderboard query latency with a million ranked players: the board's scores are loaded in bulk
 * into the platform's database (scores with many ties, as kill counts have) and its rank index
 * built by {@link BoardStore#reindex}, then one client asks, one request at a time, for the top
 * 100, a random player's rank, the 10 players on each side of a random player, and the count. Each
 * query is timed three ways in turn: over REST through the SDK's client with the token of an app of
 * the tenant (HTTP, auth and JSON both ways included: what a Java client sees), over REST through
 * {@link RawHttp} (the same request without the client's threads and JSON parsing: the server's
 * share), and straight through the query code on the same database. {@code GET /health} (no token;
 * it pings the database) gives the floor of HTTP alone.
 */
final class LeaderboardBench {
  private static final String BOARD = "million";
  private static final int WARMUP = 200;
  private static final int MEASURED = 2_000;
  private static final double TARGET_MS = 10;

  private final HistoryPlatform platform;
  private final int players;

  LeaderboardBench(HistoryPlatform platform, int players) {
    this.platform = platform;
    this.players = players;
  }

  void run() throws Exception {
    platform.defineBoard(BOARD, Map.of("stat", "scored.rating", "operator", "set"));
    String url = platform.databaseUrl();
    if (url != null) {
      // One multi-row INSERT per batch instead of ten thousand: only for this bulk load.
      url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
    }
    try (Database database = Database.open(url, platform.dataDir())) {
      long start = System.nanoTime();
      load(database.jdbi());
      new BoardStore().reindex(database.jdbi(), HistoryPlatform.ACCOUNT, BOARD);
      // What a database does after a bulk load anyway, done now rather than during the queries:
      // SQLite folds its write-ahead log into the file, PostgreSQL refreshes its visibility map
      // (index-only scans) and statistics.
      database
          .jdbi()
          .useHandle(
              handle ->
                  handle.execute(
                      platform.databaseUrl() == null
                          ? "PRAGMA wal_checkpoint(TRUNCATE)"
                          : "VACUUM ANALYZE rm_board_entries, rm_board_blocks"));
      platform.awaitCaughtUp(java.time.Duration.ofMinutes(5));
      System.out.printf(
          "  leaderboard: %,d ranked players loaded and indexed in %.1f s%n",
          players, (System.nanoTime() - start) / 1e9);
      Board board = Board.of(BOARD, "scored.rating", "set", "desc", null, null, null, null, null);
      BoardQueries queries = new BoardQueries(database.jdbi());
      String base = platform.boards() + "/" + BOARD;
      Random random = new Random(3);
      try (RawHttp raw = platform.rawAppHttp()) {
        measure(
            "top 100 (first page)",
            i -> base + "/entries?limit=100",
            raw,
            () -> queries.top(HistoryPlatform.ACCOUNT, board, "all", new PageRequest(100, null)));
        measure(
            "a player's rank",
            i -> base + "/players/m" + random.nextInt(players),
            raw,
            () ->
                queries.standing(
                    HistoryPlatform.ACCOUNT, board, "all", "m" + random.nextInt(players)));
        measure(
            "10 around a player",
            i -> base + "/players/m" + random.nextInt(players) + "/around?n=10",
            raw,
            () ->
                queries.around(
                    HistoryPlatform.ACCOUNT, board, "all", "m" + random.nextInt(players), 10));
        // The floor under every REST figure: HTTP both ways in this JVM, no token, a `SELECT 1`.
        measure("health (HTTP alone)", i -> "/health", raw, () -> {});
        measure(
            "count",
            i -> base + "/count",
            raw,
            () -> queries.count(HistoryPlatform.ACCOUNT, board, "all"));
      }
    }
  }

  /**
   * Times the request {@code paths} makes through the SDK's client (what a Java client sees), the
   * same through {@link RawHttp} (the server's share: no client threads, no JSON parsing), and
   * {@code direct}, the query alone, in turn; each REST figure's p50 less the query's is printed as
   * the overhead.
   */
  private void measure(String name, IntFunction<String> paths, RawHttp raw, Runnable direct) {
    Latencies sdk = new Latencies();
    Latencies bare = new Latencies();
    Latencies inProcess = new Latencies();
    long serverCpuBefore = 0;
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      if (i == WARMUP) {
        serverCpuBefore = serverCpuNanos();
      }
      String path = paths.apply(i);
      long start = System.nanoTime();
      check(platform.appApi().get(path));
      long afterSdk = System.nanoTime();
      int status = raw.get(paths.apply(i));
      long afterRaw = System.nanoTime();
      direct.run();
      long end = System.nanoTime();
      if (status != 200) {
        throw new IllegalStateException(path + " answered " + status);
      }
      if (i >= WARMUP) {
        sdk.add(afterSdk - start);
        bare.add(afterRaw - afterSdk);
        inProcess.add(end - afterRaw);
      }
    }
    // Both REST requests of each round, the query's own CPU included.
    double serverCpuMicros = (serverCpuNanos() - serverCpuBefore) / 1e3 / (2.0 * MEASURED);
    double query = inProcess.quantileMillis(0.5);
    System.out.printf(
        "    %-22s REST %s | bare HTTP %s | query %s | p50 REST - query %.2f ms, bare - query"
            + " %.2f ms | server CPU %.0f us a request | p99 target < %.0f ms: %s%n",
        name,
        sdk.fineSummary(),
        bare.fineSummary(),
        inProcess.fineSummary(),
        sdk.quantileMillis(0.5) - query,
        bare.quantileMillis(0.5) - query,
        serverCpuMicros,
        TARGET_MS,
        sdk.quantileMillis(0.99) < TARGET_MS ? "OK" : "MISSED");
  }

  /**
   * The CPU time the HTTP server's threads (Jetty's pool: its selector and the handlers) have used
   * so far. Less moved by other work on the machine than a latency, though not immune: on a shared
   * 2-core machine it still varied by a fifth between runs of one build (docs/history.md).
   */
  private static long serverCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("JettyServerThreadPool")) {
        total += Math.max(0, threads.getThreadCpuTime(thread.threadId()));
      }
    }
    return total;
  }

  private static void check(ControlApi.Reply reply) {
    if (reply.status() != 200) {
      throw new IllegalStateException("query answered " + reply.problem());
    }
  }

  // Scores 0..10,000 skewed low (many ties at the bottom, few at the top); a distinct sequence
  // each, in random order, as if reached by a million different events. Committed every 10,000
  // rows, so that the platform's own writer is never kept waiting long.
  private void load(Jdbi jdbi) throws java.sql.SQLException {
    Random random = new Random(11);
    for (int from = 0; from < players; from += 10_000) {
      int first = from;
      jdbi.useTransaction(
          handle -> {
            Connection connection = handle.getConnection();
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO rm_board_entries (account, board, period, player, score,"
                        + " rank_score, reached_seq) VALUES (?, ?, 'all', ?, ?, ?, ?)")) {
              for (int i = first; i < Math.min(players, first + 10_000); i++) {
                double score = Math.floor(Math.pow(random.nextDouble(), 3) * 10_000);
                insert.setString(1, HistoryPlatform.ACCOUNT);
                insert.setString(2, BOARD);
                insert.setString(3, "m" + i);
                insert.setDouble(4, score);
                insert.setDouble(5, 0.0 - score);
                insert.setLong(6, 1 + random.nextInt(Integer.MAX_VALUE));
                insert.addBatch();
              }
              insert.executeBatch();
            }
          });
    }
  }
}
