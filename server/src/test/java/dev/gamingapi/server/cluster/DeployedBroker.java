package dev.gamingapi.server.cluster;

import dev.gamingapi.testkit.FreePorts;
import dev.gamingapi.testkit.NatsServerBinary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * nats-server nodes run from a broker config of {@code deploy/nats} as the compose files run it:
 * the file copied unchanged as each node's {@code nats.conf}, the operator directory beside it as
 * {@code operator/}, and every difference between nodes in environment variables, here loopback
 * addresses and free ports instead of the compose hostnames.
 */
final class DeployedBroker implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final List<String> urls = new ArrayList<>();
  private final List<Integer> monitors = new ArrayList<>();

  static DeployedBroker single(Path config, Path operator, Path dir) throws Exception {
    DeployedBroker broker = new DeployedBroker();
    broker.start(config, operator, dir.resolve("single"), "single", Map.of());
    broker.awaitHealthy(0);
    return broker;
  }

  static DeployedBroker cluster(Path config, Path operator, Path dir) throws Exception {
    DeployedBroker broker = new DeployedBroker();
    List<Integer> clusterPorts = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());
    for (int i = 0; i < 3; i++) {
      broker.start(
          config,
          operator,
          dir.resolve("node-" + (i + 1)),
          "node-" + (i + 1),
          Map.of(
              "NATS_CLUSTER_LISTEN", "127.0.0.1:" + clusterPorts.get(i),
              "NATS_ROUTE_1", "nats-route://127.0.0.1:" + clusterPorts.get(0),
              "NATS_ROUTE_2", "nats-route://127.0.0.1:" + clusterPorts.get(1),
              "NATS_ROUTE_3", "nats-route://127.0.0.1:" + clusterPorts.get(2)));
    }
    broker.awaitHealthy(2);
    return broker;
  }

  private void start(Path config, Path operator, Path nodeDir, String name, Map<String, String> env)
      throws IOException {
    Files.createDirectories(nodeDir);
    Files.copy(config, nodeDir.resolve("nats.conf"));
    Files.createSymbolicLink(nodeDir.resolve("operator"), operator.toAbsolutePath());
    int port = FreePorts.next();
    int monitor = FreePorts.next();
    ProcessBuilder builder =
        new ProcessBuilder(NatsServerBinary.find().toString(), "-c", "nats.conf")
            .directory(nodeDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(nodeDir.resolve("nats.log").toFile());
    builder.environment().putAll(env);
    builder.environment().put("NATS_SERVER_NAME", name);
    builder.environment().put("NATS_LISTEN", "127.0.0.1:" + port);
    builder.environment().put("NATS_HTTP", "127.0.0.1:" + monitor);
    builder.environment().put("NATS_STORE_DIR", nodeDir.resolve("jetstream").toString());
    builder.environment().put("NATS_RESOLVER_DIR", nodeDir.resolve("jwt").toString());
    processes.add(builder.start());
    urls.add("nats://127.0.0.1:" + port);
    monitors.add(monitor);
  }

  /** Waits until every node answers healthy with {@code routes} routes (a formed cluster). */
  private void awaitHealthy(int routes) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    Awaitility.await("every nats-server node healthy")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              for (int i = 0; i < monitors.size(); i++) {
                if (!healthy(http, monitors.get(i), routes)) {
                  if (!processes.get(i).isAlive()) {
                    // Thrown out of the wait at once: a dead node will not turn healthy.
                    throw new IllegalStateException(
                        "nats-server node " + (i + 1) + " exited; see its nats.log");
                  }
                  return false;
                }
              }
              return true;
            });
  }

  private static boolean healthy(HttpClient http, int monitor, int routes) {
    try {
      String base = "http://127.0.0.1:" + monitor;
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> routez =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/routez")).build(),
              HttpResponse.BodyHandlers.ofString());
      return health.statusCode() == 200
          && routez.body().replace(" ", "").contains("\"num_routes\":" + routes);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  String url() {
    return urls.stream().collect(Collectors.joining(","));
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      process.waitFor();
    }
  }
}
