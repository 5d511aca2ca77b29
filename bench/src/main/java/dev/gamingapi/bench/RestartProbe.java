package dev.gamingapi.bench;

import dev.gamingapi.server.app.ApiConfig;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts the platform again on a data directory full of tenants: how long {@code start()} takes,
 * how much of it is the per-account work that {@code start()} does (resolver reconcile, stream
 * provisioning), the memory of the platform JVM and of the nats-server child, and whether a tenant
 * created before the restart can still publish.
 */
final class RestartProbe {
  private final PlatformConfig config;
  private final ApiConfig control;

  RestartProbe(PlatformConfig config, ApiConfig control) {
    this.config = config;
    this.control = control;
  }

  /** Restarts, prints the figures, stops; false when {@code start()} failed. */
  boolean run(String ownerCreds) throws Exception {
    long begin = System.nanoTime();
    Platform platform =
        new Platform(PlatformSettings.of(config).withApi(control).withPulls(ControlBench.pulls()));
    try {
      platform.start();
    } catch (RuntimeException e) {
      System.out.printf(
          "RESTART FAILED after %.0f ms: %s%n",
          Latencies.millis(System.nanoTime() - begin), chain(e));
      platform.close();
      return false;
    }
    long startNanos = System.nanoTime() - begin;
    try {
      int accounts = platform.tenancy().accounts().all().size();
      System.out.printf(
          "restart on the same data dir (%d accounts incl. default): start() %.0f ms%n",
          accounts, Latencies.millis(startNanos));
      System.out.printf(
          "after restart: platform JVM %s; nats-server %.0f MiB RSS%n",
          ProcMemory.selfAfterGc(),
          ProcMemory.rssMib(platform.embeddedBroker().orElseThrow().pid()));
      long background = System.nanoTime();
      while (platform.tenantsStarting() > 0) {
        Thread.sleep(50);
      }
      System.out.printf(
          "  the tenants' start in the background (streams, command tracking) ended %.0f ms after"
              + " start() returned%n",
          Latencies.millis(System.nanoTime() - background));
      System.out.printf(
          "  idle after restart: %s%n",
          IdleCpu.measure(platform.embeddedBroker().orElseThrow().pid(), 20));
      long reconcile = System.nanoTime();
      int pushed = platform.tenancy().accounts().reconcile();
      reconcile = System.nanoTime() - reconcile;
      long provision = System.nanoTime();
      platform.tenancy().accounts().provisionAll();
      provision = System.nanoTime() - provision;
      System.out.printf(
          "  start()'s per-account steps run again on the live platform: reconcile %.0f ms"
              + " (%d pushed), provisionAll %.0f ms%n",
          Latencies.millis(reconcile), pushed, Latencies.millis(provision));
      long list = System.nanoTime();
      int ids = platform.resolver().listAccounts().size();
      list = System.nanoTime() - list;
      long lookup = System.nanoTime();
      platform.resolver().lookup(platform.defaultAccountPublicKey());
      lookup = System.nanoTime() - lookup;
      System.out.printf(
          "  one resolver list ($SYS.REQ.CLAIMS.LIST, %d ids) %.1f ms; one lookup (a list, then"
              + " CLAIMS.LOOKUP) %.1f ms%n",
          ids, Latencies.millis(list), Latencies.millis(lookup));
      if (ownerCreds != null) {
        try (ControlApi api = ControlBench.api(platform)) {
          TenantProbe probe = new TenantProbe(api, platform.connectionInfo().brokerUrl());
          System.out.printf(
              "  owner of u00000 publishes after the restart: %s%n",
              probe.publishOnce(ownerCreds) ? "yes" : "NO");
        }
      }
      return true;
    } finally {
      long broker = platform.embeddedBroker().orElseThrow().pid();
      long stop = System.nanoTime();
      platform.close();
      System.out.printf("  close() %.0f ms%n", Latencies.millis(System.nanoTime() - stop));
      // A kept broker outlives close(): the benchmark is its last user.
      if (config.keepBroker()) {
        ProcessHandle.of(broker).ifPresent(ProcessHandle::destroy);
      }
    }
  }

  private static String chain(Throwable e) {
    StringBuilder text = new StringBuilder(e.toString());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append("\n    caused by ").append(cause);
    }
    return text.toString();
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
