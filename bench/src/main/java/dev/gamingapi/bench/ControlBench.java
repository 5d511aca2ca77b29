package dev.gamingapi.bench;

import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.control.PlanCatalog;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control plane on one embedded platform: account creation latency over REST, how soon a new
 * account is usable by its owner, plan change latency, and {@code --accounts} tenants on one node
 * (creation rate, then the restart's {@code start()} time and memory; see {@link RestartProbe}).
 */
final class ControlBench {
  private static final int TIMED = 200;
  private static final int USABLE = 50;
  private static final int PLAN_CYCLES = 20;
  private static final String PLAN = "free";
  private static final String BIGGER = "standard";
  private static final double TARGET_MS = 100;

  private final BenchArgs args;
  private final Latencies creations = new Latencies(); // every account POST, in order
  private String failure; // the first failed creation, if any

  ControlBench(BenchArgs args) {
    this.args = args;
  }

  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("bench-control-");
    PlatformConfig config = PlatformConfig.embedded(dataDir, 0);
    int timed = Math.min(TIMED, args.accounts());
    int usable = Math.min(USABLE, args.accounts());
    int total = Math.max(args.accounts(), timed + usable);
    System.out.printf(
        "control: one embedded platform (nats-server child, SQLite), plan %s, %d tenant accounts"
            + " in all, sequential REST calls%n",
        PLAN, total);
    long started = System.nanoTime();
    Platform platform = new Platform(config).start();
    System.out.printf(
        "  first start (empty data dir): %.0f ms%n", Latencies.millis(System.nanoTime() - started));
    String probeCreds;
    try {
      ControlApi api = api(platform);
      TenantProbe probe = new TenantProbe(api, platform.connectionInfo().brokerUrl());
      create(api, "t", 0, timed);
      System.out.printf(
          "account creation (POST /accounts, accounts 1-%d): %s; within %.0f ms: %d/%d%n",
          creations.count(),
          creations.summary(),
          TARGET_MS,
          creations.within(TARGET_MS),
          creations.count());
      probeCreds = usable(probe, usable);
      planChanges(platform, probe, probeCreds);
      long topUp = System.nanoTime();
      create(api, "t", timed, total - usable);
      reportTotal(total, timed + usable, System.nanoTime() - topUp);
      System.out.printf(
          "before restart: platform JVM %s; nats-server %.0f MiB RSS; data dir %.0f MiB%n",
          ProcMemory.selfAfterGc(),
          ProcMemory.rssMib(platform.embeddedBroker().orElseThrow().pid()),
          ProcMemory.sizeMib(dataDir));
    } finally {
      platform.close();
    }
    boolean restarted = new RestartProbe(config).run(probeCreds);
    if (failure == null && restarted) {
      RestartProbe.delete(dataDir);
    } else {
      System.out.printf("  data dir kept for inspection: %s%n", dataDir);
    }
  }

  static ControlApi api(Platform platform) throws Exception {
    String token = Files.readString(platform.connectionInfo().operatorToken()).strip();
    return new ControlApi(platform.connectionInfo().httpUrl(), token);
  }

  /**
   * Creates accounts {@code prefix<from>} to {@code prefix<to - 1>}; stops at the first failure.
   */
  private void create(ControlApi api, String prefix, int from, int to) {
    for (int i = from; i < to && failure == null; i++) {
      String name = String.format("%s%05d", prefix, i);
      ControlApi.Reply reply = api.createAccount(name, PLAN);
      if (reply.status() != 201) {
        failure =
            String.format(
                "account #%d (%s) after %d tenant accounts: %s",
                creations.count() + 1, name, creations.count(), reply.problem());
        System.out.println("  CREATION FAILED: " + failure);
        ControlApi.Reply again = api.createAccount(name + "-retry", PLAN);
        System.out.println("  one more attempt (new name): " + again.problem());
        return;
      }
      creations.add(reply.nanos());
    }
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
        result = probe.usable(String.format("u%05d", i), PLAN);
      } catch (IllegalStateException e) {
        failure = "usable account #" + (i + 1) + ": " + e.getMessage();
        System.out.println("  FAILED: " + failure);
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
        "usable after (POST account -> POST owner -> connect -> first JetStream publish acked),"
            + " %d accounts:%n  account created %s%n  owner created   %s%n"
            + "  connected       %s%n  first publish   %s; publish retries: %d%n",
        published.count(),
        account.summary(),
        owner.summary(),
        connected.summary(),
        published.summary(),
        retries);
    return first;
  }

  private void planChanges(Platform platform, TenantProbe probe, String creds) throws Exception {
    if (creds == null) {
      return;
    }
    PlanCatalog plans = platform.controlPlane().plans();
    long low = plans.find(PLAN).orElseThrow().streams();
    long high = plans.find(BIGGER).orElseThrow().streams();
    Latencies upPatch = new Latencies();
    Latencies upApplied = new Latencies();
    Latencies downPatch = new Latencies();
    Latencies downApplied = new Latencies();
    try (Connection owner = probe.connect(creds)) {
      JetStreamManagement jsm = owner.jetStreamManagement();
      for (int i = 0; i < PLAN_CYCLES; i++) {
        long[] up = probe.changePlan(jsm, "u00000", BIGGER, high);
        upPatch.add(up[0]);
        upApplied.add(up[1]);
        long[] down = probe.changePlan(jsm, "u00000", PLAN, low);
        downPatch.add(down[0]);
        downApplied.add(down[1]);
      }
    }
    System.out.printf(
        "plan change (PATCH /accounts/{a}; applied = the owner sees the new max streams, from"
            + " sending):%n  up   %s -> %s: PATCH %s%n         applied %s%n"
            + "  down %s -> %s: PATCH %s%n         applied %s%n",
        PLAN,
        BIGGER,
        upPatch.summary(),
        upApplied.summary(),
        BIGGER,
        PLAN,
        downPatch.summary(),
        downApplied.summary());
  }

  private void reportTotal(int total, int before, long topUpNanos) {
    int made = creations.count();
    System.out.printf(
        "%d of %d tenant accounts created: %.1f s of sequential POSTs, %.1f accounts/s%n",
        made, total, creations.totalNanos() / 1e9, made / (creations.totalNanos() / 1e9));
    if (made > before) {
      Latencies last = creations.slice(made - 100, made);
      System.out.printf(
          "  accounts %d-%d: %.1f s wall, %.1f accounts/s; last 100 creations: %s%n",
          before + 1, made, topUpNanos / 1e9, (made - before) / (topUpNanos / 1e9), last.summary());
    }
  }
}
