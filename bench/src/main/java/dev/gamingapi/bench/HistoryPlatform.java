package dev.gamingapi.bench;

import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.ControlPlaneConfig;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One embedded platform for the history benchmarks (a nats-server child, and SQLite in its data
 * directory or the PostgreSQL of {@code databaseUrl}), with the workload's boards defined on the
 * {@code default} tenant and a REST client holding the operator token.
 */
final class HistoryPlatform implements AutoCloseable {
  static final String ACCOUNT = Platform.DEFAULT_ACCOUNT;

  private final Path dataDir;
  private final String databaseUrl;
  private final Platform platform;
  private final ControlApi api;

  HistoryPlatform(String databaseUrl) throws Exception {
    this.dataDir = Files.createTempDirectory("bench-history-");
    this.databaseUrl = databaseUrl;
    this.platform =
        new Platform(
                PlatformConfig.embedded(dataDir, 0),
                ControlPlaneConfig.defaults().withDatabaseUrl(databaseUrl))
            .start();
    ConnectionInfo info = platform.connectionInfo();
    this.api = new ControlApi(info.httpUrl(), Files.readString(info.operatorToken()).strip());
    for (String[] board : HistoryWorkload.boards()) {
      ControlApi.Reply reply = api.send("PUT", boards() + "/" + board[0], board[1]);
      if (reply.status() != 200) {
        throw new IllegalStateException("cannot define board " + board[0] + ": " + reply.problem());
      }
    }
  }

  /** {@code SQLite} or {@code PostgreSQL}. */
  String database() {
    return databaseUrl == null ? "SQLite" : "PostgreSQL";
  }

  /** The JDBC URL the platform uses (null: SQLite in the data directory). */
  String databaseUrl() {
    return databaseUrl;
  }

  Path dataDir() {
    return dataDir;
  }

  ConnectionInfo info() {
    return platform.connectionInfo();
  }

  ControlApi api() {
    return api;
  }

  String boards() {
    return "/api/v1/accounts/" + ACCOUNT + "/leaderboards";
  }

  /** Rebuilds the tenant's read models from its log. */
  void rebuild() {
    ControlApi.Reply reply =
        api.send("POST", "/api/v1/accounts/" + ACCOUNT + "/read-models/rebuild", null);
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException("rebuild refused: " + reply.problem());
    }
  }

  /** Waits until the read models stand at stream sequence {@code seq}. */
  void awaitApplied(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      ControlApi.Reply state = api.get("/api/v1/accounts/" + ACCOUNT + "/read-models");
      if (state.status() == 200 && state.json().path("position").asLong() >= seq) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("read models did not reach " + seq + " in " + timeout);
  }

  @Override
  public void close() {
    platform.close();
  }
}
