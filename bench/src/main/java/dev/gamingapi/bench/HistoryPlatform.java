package dev.gamingapi.bench;

import dev.gamingapi.sdk.rest.RestClient;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One embedded platform for the history benchmarks (a nats-server child, and SQLite in its data
 * directory or the PostgreSQL of {@code databaseUrl}), with the workload's boards defined on the
 * {@code default} tenant, a REST client holding the operator token, and one holding the token of an
 * app of the tenant (a stats site), which is how the tenant's data is read in production. The
 * tenant's {@code standard} plan is the built-in one but for its API rate limit, raised so that the
 * benchmark's requests are never refused.
 */
final class HistoryPlatform implements AutoCloseable {
  static final String ACCOUNT = Platform.DEFAULT_ACCOUNT;

  private final Path dataDir;
  private final String databaseUrl;
  private final Platform platform;
  private final ControlApi api;
  private final ControlApi appApi;
  private final String appToken;

  HistoryPlatform(String databaseUrl) throws Exception {
    this.dataDir = Files.createTempDirectory("bench-history-");
    this.databaseUrl = databaseUrl;
    this.platform =
        new Platform(
                PlatformSettings.of(PlatformConfig.embedded(dataDir, 0))
                    .withApi(new ApiConfig("127.0.0.1", 0, databaseUrl, plansFile(dataDir))))
            .start();
    ConnectionInfo info = platform.connectionInfo();
    this.api = new ControlApi(info.httpUrl(), Files.readString(info.operatorToken()).strip());
    ControlApi.Reply app =
        api.send(
            "POST",
            RestClient.path("accounts", ACCOUNT, "users"),
            new ControlApi.NewUser("stats", "app"));
    if (app.status() != 201) {
      throw new IllegalStateException("cannot create the app user: " + app.problem());
    }
    this.appToken = app.json().get("token").asText();
    this.appApi = new ControlApi(info.httpUrl(), appToken);
    for (HistoryWorkload.Board board : HistoryWorkload.boards()) {
      defineBoard(board.name(), board.definition());
    }
  }

  /** Defines leaderboard {@code name} of the tenant as {@code definition} says. */
  void defineBoard(String name, Map<String, String> definition) {
    ControlApi.Reply reply = api.send("PUT", boards() + RestClient.path(name), definition);
    if (reply.status() != 200) {
      throw new IllegalStateException("cannot define board " + name + ": " + reply.problem());
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

  /** A client with the token of the tenant's app {@code stats}: what a stats site reads with. */
  ControlApi appApi() {
    return appApi;
  }

  private static Path plansFile(Path dataDir) throws java.io.IOException {
    Plan standard = Plan.defaultPlan();
    String json =
        """
        [{"name": "%s", "memory_storage": %d, "disk_storage": %d, "streams": %d, "consumers": %d,
          "max_payload": %d, "event_max_age_seconds": %d, "event_max_bytes": %d,
          "connections": %d, "api_requests_per_minute": 100000000}]
        """
            .formatted(
                standard.name(),
                standard.memoryStorage(),
                standard.diskStorage(),
                standard.streams(),
                standard.consumers(),
                standard.maxPayload(),
                standard.eventMaxAge().toSeconds(),
                standard.eventMaxBytes(),
                standard.connections());
    return Files.writeString(dataDir.resolve("bench-plans.json"), json);
  }

  /** A bare HTTP client with the app's token (see {@link #appApi()}), for the server's share. */
  RawHttp rawAppHttp() throws java.io.IOException {
    return new RawHttp(info().httpUrl(), appToken);
  }

  /** The path of the tenant's leaderboards, under {@code /api/v1}. */
  String boards() {
    return RestClient.path("accounts", ACCOUNT, "leaderboards");
  }

  /** Rebuilds the tenant's read models from its log. */
  void rebuild() {
    ControlApi.Reply reply =
        api.send("POST", RestClient.path("accounts", ACCOUNT, "read-models", "rebuild"), null);
    if (reply.status() / 100 != 2) {
      throw new IllegalStateException("rebuild refused: " + reply.problem());
    }
  }

  /**
   * A rebuild's figures: from the request to the first batch committed, and the rate from there to
   * the last event.
   */
  record Rebuilt(long startNanos, double rate) {}

  // How often a timed rebuild asks for the position over REST: each request costs the platform
  // (on the same 2 cores) as much as applying a few hundred events, so not too often; the rate is
  // taken between two answers, so at most one interval of idle time counts against the models.
  private static final Duration POLL = Duration.ofMillis(10);

  /** Rebuilds the read models and times them until they stand at {@code seq}. */
  Rebuilt rebuildAndTime(long seq, Duration timeout) throws InterruptedException {
    long requested = System.nanoTime();
    rebuild();
    long deadline = requested + timeout.toNanos();
    long firstAt = 0;
    long firstPosition = 0;
    while (System.nanoTime() < deadline) {
      ControlApi.Reply state = readModels();
      long now = System.nanoTime();
      long position = state.status() == 200 ? state.json().path("position").asLong() : 0;
      if (position > 0 && firstAt == 0) {
        firstAt = now;
        firstPosition = position;
      }
      if (position >= seq) {
        return new Rebuilt(firstAt - requested, (seq - firstPosition) / ((now - firstAt) / 1e9));
      }
      Thread.sleep(POLL);
    }
    throw new IllegalStateException("read models did not reach " + seq + " in " + timeout);
  }

  /** Waits until the read models stand at stream sequence {@code seq}. */
  void awaitApplied(long seq, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      ControlApi.Reply state = readModels();
      if (state.status() == 200 && state.json().path("position").asLong() >= seq) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("read models did not reach " + seq + " in " + timeout);
  }

  /** Waits until the read models have nothing left to apply (lag 0 twice in a row). */
  void awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int zeros = 0;
    while (System.nanoTime() < deadline && zeros < 2) {
      ControlApi.Reply state = readModels();
      zeros = state.status() == 200 && state.json().path("lag").asLong() == 0 ? zeros + 1 : 0;
      Thread.sleep(500);
    }
  }

  private ControlApi.Reply readModels() {
    return api.get(RestClient.path("accounts", ACCOUNT, "read-models"));
  }

  @Override
  public void close() {
    api.close();
    platform.close();
  }
}
