package dev.gamingapi.bench;

import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import dev.gamingapi.server.broker.PullPolicy;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The control plane on one embedded platform, over REST with sequential calls: how soon a new
 * account is usable by its owner, plan change latency (see {@link TenantProbe}), account creation
 * latency, and {@code --accounts} tenants on one node: creation rate, then the restart's {@code
 * start()} time and memory (see {@link RestartProbe}). A failure is reported, not thrown.
 */
final class ControlBench {
  private static final int USABLE = 50;
  private static final int TIMED = 200;
  private static final double TARGET_MS = 100;
  private static final int IDLE_SECONDS = 20;

  /**
   * Plans small enough for 1,000 tenants ({@code tiny}) and 10,000 ({@code micro}) on a laptop,
   * offered besides the built-in ones: every account's reservation counts against the node's
   * JetStream limits, used or not.
   */
  private static final String TINY_PLAN =
      """
      [{"name": "tiny", "memory_storage": 4194304, "disk_storage": 33554432, "streams": 3,
        "consumers": 20, "max_payload": 262144, "event_max_age_seconds": 604800,
        "event_max_bytes": 25165824, "connections": 10, "api_requests_per_minute": 120},
       {"name": "micro", "memory_storage": 1048576, "disk_storage": 4194304, "streams": 3,
        "consumers": 20, "max_payload": 65536, "event_max_age_seconds": 604800,
        "event_max_bytes": 3145728, "connections": 10, "api_requests_per_minute": 120}]
      """;

  private final BenchArgs args;
  private final Latencies creations = new Latencies(); // every account POST, in order
  private String failure; // the first failed creation, if any
  private Path brokerLog;

  ControlBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("bench-control-");
    Path plansFile = Files.writeString(Files.createTempFile("bench-plans-", ".json"), TINY_PLAN);
    // -Dgamingapi.bench.keepBroker=true: the restart adopts the broker (GAMINGAPI_KEEP_BROKER),
    // which needs the same port at both starts.
    boolean keepBroker = Boolean.getBoolean("gamingapi.bench.keepBroker");
    PlatformConfig config =
        PlatformConfig.embedded(dataDir, keepBroker ? freePort() : 0).toBuilder()
            .keepBroker(keepBroker)
            .build();
    ApiConfig control = new ApiConfig("127.0.0.1", 0, null, plansFile);
    int usable = Math.min(USABLE, args.accounts());
    int timed = Math.min(TIMED, args.accounts());
    int total = Math.max(args.accounts(), usable + timed);
    long started = System.nanoTime();
    PullPolicy pulls = pulls();
    Platform platform =
        new Platform(PlatformSettings.of(config).withApi(control).withPulls(pulls)).start();
    brokerLog = platform.embeddedBroker().orElseThrow().config().logFile();
    System.out.printf(
        "control: one embedded platform (nats-server child, SQLite), plan %s, %d tenant accounts"
            + " in all, sequential REST calls%n  first start (empty data dir) %.0f ms; broker %s%n",
        args.plan(),
        total,
        Latencies.millis(System.nanoTime() - started),
        BrokerLog.jetStreamLimits(brokerLog));
    String probeCreds;
    try (ControlApi api = api(platform)) {
      TenantProbe probe = new TenantProbe(api, platform.connectionInfo().brokerUrl());
      probeCreds = usable(probe, usable);
      if (probeCreds != null) {
        String other = args.plan().equals("standard") ? "pro" : "standard";
        probe.planChanges(platform.tenancy().plans(), probeCreds, args.plan(), other);
      }
      create(api, usable, usable + timed);
      Latencies timedPart = creations.slice(usable, usable + timed);
      System.out.printf(
          "account creation (POST /accounts, accounts %d-%d): %s; within %.0f ms: %d/%d%n",
          usable + 1,
          usable + timedPart.count(),
          timedPart.summary(),
          TARGET_MS,
          timedPart.within(TARGET_MS),
          timedPart.count());
      long topUp = System.nanoTime();
      create(api, usable + timed, total);
      reportTotal(total, usable + timed, System.nanoTime() - topUp);
      System.out.printf(
          "before restart: platform JVM %s; nats-server %.0f MiB RSS; data dir %.0f MiB%n",
          ProcMemory.selfAfterGc(),
          ProcMemory.rssMib(platform.embeddedBroker().orElseThrow().pid()),
          ProcMemory.sizeMib(dataDir));
      System.out.printf(
          "idle with %d tenants: %s%n",
          creations.count(),
          IdleCpu.measure(platform.embeddedBroker().orElseThrow().pid(), IDLE_SECONDS));
      // Idle consumers park after parkAfter, once their last pull is over.
      Duration settle = pulls.untilParked().plusSeconds(10);
      Thread.sleep(settle.toMillis());
      System.out.printf(
          "idle with %d tenants, %d s later (consumers parked after %d s): %s%n",
          creations.count(),
          settle.toSeconds(),
          pulls.parkAfter().toSeconds(),
          IdleCpu.measure(platform.embeddedBroker().orElseThrow().pid(), IDLE_SECONDS));
    } finally {
      long stop = System.nanoTime();
      platform.close();
      System.out.printf("close() %.0f ms%n", Latencies.millis(System.nanoTime() - stop));
    }
    boolean restarted = new RestartProbe(config, control).run(probeCreds);
    if (failure == null && restarted) {
      RestartProbe.delete(dataDir);
    } else {
      System.out.printf("  data dir kept for inspection: %s%n", dataDir);
    }
    Files.deleteIfExists(plansFile);
  }

  /**
   * How the tenants' consumers pull; {@code -Dgamingapi.bench.parkAfter=PT1000H} keeps every
   * consumer pulling, as before idle consumers parked (for an A/B in one build).
   */
  static PullPolicy pulls() {
    PullPolicy defaults = PullPolicy.defaults();
    String parkAfter = System.getProperty("gamingapi.bench.parkAfter");
    return parkAfter == null ? defaults : defaults.withParkAfter(Duration.parse(parkAfter));
  }

  static ControlApi api(Platform platform) throws Exception {
    String token = Files.readString(platform.connectionInfo().operatorToken()).strip();
    return new ControlApi(platform.connectionInfo().httpUrl(), token);
  }

  /** Creates accounts {@code t<from>} to {@code t<to - 1>}; stops at the first failure. */
  private void create(ControlApi api, int from, int to) {
    for (int i = from; i < to && failure == null; i++) {
      String name = String.format("t%05d", i);
      ControlApi.Reply reply = api.createAccount(name, args.plan());
      if (reply.status() != 201) {
        failed(String.format("POST account %s answered %s", name, reply.problem()));
        ControlApi.Reply again = api.createAccount(name + "-again", args.plan());
        System.out.println("  one more POST (another name) answered " + again.problem());
        return;
      }
      creations.add(reply.nanos());
    }
  }

  private void failed(String what) {
    failure = what;
    System.out.printf(
        "  CREATION FAILED at tenant account #%d (%d created before it, plus default): %s%n",
        creations.count() + 1, creations.count(), what);
    BrokerLog.errors(brokerLog, 3).forEach(line -> System.out.println("  nats-server: " + line));
  }

  private String usable(TenantProbe probe, int count) throws Exception {
    Latencies account = new Latencies();
    Latencies owner = new Latencies();
    Latencies connected = new Latencies();
    Latencies published = new Latencies();
    int retries = 0;
    String first = null;
    for (int i = 0; i < count && failure == null; i++) {
      TenantProbe.Usable result;
      try {
        result = probe.usable(String.format("u%05d", i), args.plan());
      } catch (IllegalStateException e) {
        failed(e.getMessage());
        break;
      }
      creations.add(result.account());
      account.add(result.account());
      owner.add(result.owner());
      connected.add(result.connected());
      published.add(result.published());
      retries += result.retries();
      first = first == null ? result.creds() : first;
    }
    System.out.printf(
        "usable after (from sending POST /accounts: account created, owner user created,"
            + " connected with its creds, first JetStream publish acked), accounts 1-%d:%n"
            + "  account created %s%n  owner created   %s%n  connected       %s%n"
            + "  first publish   %s; within %.0f ms: %d/%d; publish retries: %d%n",
        published.count(),
        account.summary(),
        owner.summary(),
        connected.summary(),
        published.summary(),
        TARGET_MS,
        published.within(TARGET_MS),
        published.count(),
        retries);
    return first;
  }

  private void reportTotal(int total, int before, long topUpNanos) {
    int made = creations.count();
    System.out.printf(
        "%d of %d tenant accounts created: %.1f s of sequential POSTs, %.1f accounts/s%n",
        made, total, creations.totalNanos() / 1e9, made / (creations.totalNanos() / 1e9));
    if (made > before) {
      System.out.printf(
          "  accounts %d-%d: %.1f s wall, %.1f accounts/s; their last 100 POSTs: %s%n",
          before + 1,
          made,
          topUpNanos / 1e9,
          (made - before) / (topUpNanos / 1e9),
          creations.slice(made - 100, made).summary());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
