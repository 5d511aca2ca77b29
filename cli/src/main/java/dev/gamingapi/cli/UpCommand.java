package dev.gamingapi.cli;

import dev.gamingapi.server.app.ConnectionInfo;
import dev.gamingapi.server.app.Environment;
import dev.gamingapi.server.app.Platform;
import dev.gamingapi.server.app.PlatformConfig;
import dev.gamingapi.server.app.PlatformSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gamingapi up}: runs the platform in this process (with an embedded nats-server unless
 * {@code GAMINGAPI_BROKER_URL} names an external one) until interrupted.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Run the platform: broker, tenant account, streams and credentials.",
      "Settings also come from GAMINGAPI_* environment variables (see docs/operating.md)."
    })
public final class UpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Where keys, credentials and the event store live (default: ./data).")
  Path dataDir;

  @Option(
      names = "--nats-port",
      paramLabel = "PORT",
      description = "Client port of the embedded broker (default: 4222; 0 = any free port).")
  Integer natsPort;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description = "Port of the REST API on 127.0.0.1 (default: 8080; 0 = any free port).")
  Integer httpPort;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Also serve /metrics without a token on 127.0.0.1:PORT, for a local Prometheus"
              + " (default: none, or GAMINGAPI_METRICS_PORT; 0 = any free port). Without it"
              + " /metrics needs the operator token.")
  Integer metricsPort;

  /** Counted down to stop a running {@code up}; tests use it, Ctrl+C uses the shutdown hook. */
  final CountDownLatch stop = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PlatformSettings settings = PlatformSettings.fromEnvironment(Environment.process(), dataDir);
    if (natsPort != null) {
      settings = settings.withPlatform(settings.platform().toBuilder().natsPort(natsPort).build());
    }
    if (httpPort != null) {
      settings = settings.withApi(settings.api().withHttpPort(httpPort));
    }
    if (metricsPort != null) {
      settings = settings.withApi(settings.api().withMetricsPort(metricsPort));
    }
    PlatformConfig config = settings.platform();
    PrintWriter out = spec.commandLine().getOut();
    out.println("Starting GamingAPI in " + config.dataDir().toAbsolutePath().normalize() + " ...");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM halts once its shutdown hooks return: this one waits until the platform is closed,
    // or the broker and the connections died mid-close and logged it.
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(stopped);
            },
            "gamingapi-shutdown");
    try {
      try (Platform platform = new Platform(settings).start()) {
        Runtime.getRuntime().addShutdownHook(hook);
        Path written = platform.writeConnectionInfo();
        print(out, platform.connectionInfo(), written);
        stop.await();
        out.println("Stopping GamingAPI ...");
        out.flush();
      }
      // Before the hook is released: once it returns the JVM halts, and a line printed after
      // that raced the halt (a full run lost it once).
      out.println("GamingAPI stopped.");
      out.flush();
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void print(PrintWriter out, ConnectionInfo info, Path connectionJson) {
    out.println("GamingAPI is up.");
    out.printf("  broker            %s%n", info.brokerUrl());
    out.printf("  owner creds       %s%n", info.ownerCreds());
    for (Map.Entry<String, Path> server : info.gameServerCreds().entrySet()) {
      out.printf("  game server creds %s (server id '%s')%n", server.getValue(), server.getKey());
    }
    out.printf("  REST API          %s/api/v1%n", info.httpUrl());
    out.printf("  operator token    %s%n", info.operatorToken());
    if (info.metricsUrl() != null) {
      out.printf("  metrics           %s (no token, this host only)%n", info.metricsUrl());
    }
    out.printf("  connection.json   %s%n", connectionJson);
    out.println("Try, in another shell:");
    out.printf(
        "  ./gamingapi events publish --creds %s --type server.started%n",
        info.gameServerCreds().values().stream().findFirst().orElse(Path.of("CREDS")));
    out.printf("  ./gamingapi events tail --creds %s --follow%n", info.ownerCreds());
    out.printf(
        "  curl -H \"Authorization: Bearer $(cat %s)\" %s/api/v1/accounts%n",
        info.operatorToken(), info.httpUrl());
    out.println("Press Ctrl+C to stop.");
    out.flush();
  }
}
