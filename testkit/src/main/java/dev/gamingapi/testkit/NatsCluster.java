package dev.gamingapi.testkit;

import io.nats.client.support.JsonParser;
import io.nats.client.support.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A NATS cluster of real {@code nats-server} processes on loopback, for tests: every node runs
 * JetStream with its own directory, store and {@code server_name}, and routes to every other node.
 *
 * <p>All nodes get the same extra configuration text, as the nodes of a production cluster share
 * one config file (operator mode: {@code operator}, {@code system_account}, {@code resolver},
 * {@code resolver_preload}). Relative paths in it resolve against each node's own directory (see
 * {@link NatsServerProcess}), so {@code resolver { type: full, dir: "jwt" }} gives every node its
 * own resolver store, as separate machines would have.
 *
 * <p>Tests stop, kill and restart nodes through {@link #node(int)} and then {@link #awaitReady()};
 * {@link #addNode()} starts a brand-new node that joins the running cluster. Readiness is read from
 * each node's monitoring port, which needs no credentials, so operator-mode clusters are watched
 * the same way as open ones.
 */
public final class NatsCluster implements AutoCloseable {
  /** The {@code cluster.name} of every node. */
  public static final String NAME = "gamingapi-test";

  // A deadline, not a wait: a restarted node is ready in a second or two, but on a loaded 2-core
  // machine its streams took over 30 s to become current again.
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

  /**
   * How long one node may report a stream or consumer replica "not current" before it is restarted
   * once. nats-server 2.9.10 has no health repair (it came in 2.9.17, nats-io/nats-server#4116): a
   * replica whose catch-up stalls after a restart stays behind for good, as one did in a CI run for
   * over 90 s on a loaded machine. Restarting the node starts the catch-up again, which is what an
   * operator does (docs/operating.md); the harness says so on standard error when it does.
   */
  private static final Duration STALLED_REPLICA = Duration.ofSeconds(30);

  private final Path dir;
  private final String extraConfig;
  private final List<Node> nodes = new ArrayList<>();
  private final Set<Integer> takenPorts = new HashSet<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  /** A node: its server process and the two ports only the cluster needs. */
  private record Node(NatsServerProcess server, int clusterPort, int monitorPort) {}

  private NatsCluster(Path dir, String extraConfig) {
    this.dir = dir;
    this.extraConfig = extraConfig;
  }

  /** Starts three nodes in a fresh temporary directory and waits until they form a cluster. */
  public static NatsCluster start(String extraConfig) {
    return start(3, NatsServerProcess.tempDir(), extraConfig);
  }

  /**
   * Starts {@code size} nodes under {@code dir} (one subdirectory each), with {@code extraConfig}
   * appended to every node's config, and waits until they form a cluster.
   *
   * @throws IllegalStateException if a node does not start or the cluster does not form in time
   */
  public static NatsCluster start(int size, Path dir, String extraConfig) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
    }
    NatsCluster cluster = new NatsCluster(dir, extraConfig);
    try {
      // Every route list names every node, so all cluster ports are chosen before any node starts.
      List<Integer> clusterPorts = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        clusterPorts.add(cluster.freePort());
      }
      for (int clusterPort : clusterPorts) {
        cluster.startNode(clusterPort, clusterPorts);
      }
      cluster.awaitReady();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Starts a brand-new node (empty store, empty resolver directory) routed to every existing node,
   * and waits until it has joined.
   */
  public synchronized NatsServerProcess addNode() {
    int clusterPort = freePort();
    List<Integer> routes = new ArrayList<>(nodes.stream().map(Node::clusterPort).toList());
    routes.add(clusterPort);
    NatsServerProcess server = startNode(clusterPort, routes);
    awaitReady();
    return server;
  }

  private NatsServerProcess startNode(int clusterPort, List<Integer> routes) {
    int monitorPort = freePort();
    String routeUrls =
        routes.stream()
            .map(port -> "\"nats-route://127.0.0.1:" + port + "\"")
            .collect(Collectors.joining(", "));
    String config =
        """
        http: "127.0.0.1:%d"
        cluster {
          name: "%s"
          listen: "127.0.0.1:%d"
          routes: [%s]
        }
        %s
        """
            .formatted(monitorPort, NAME, clusterPort, routeUrls, extraConfig);
    Path nodeDir = dir.resolve("node-" + (nodes.size() + 1));
    NatsServerProcess server = NatsServerProcess.start(nodeDir, freePort(), config);
    nodes.add(new Node(server, clusterPort, monitorPort));
    return server;
  }

  private int freePort() {
    int port;
    do {
      port = FreePorts.next();
    } while (!takenPorts.add(port));
    return port;
  }

  /**
   * Waits until the running nodes form one cluster: each is routed to all the others, is healthy,
   * and names the same JetStream meta leader, which is one of them. Call it after stopping or
   * starting a node; after killing the leader it waits for the new election.
   *
   * <p>A node that reports a replica "not current" for {@link #STALLED_REPLICA} is restarted once.
   *
   * @throws IllegalStateException naming what is still wrong after {@link #READY_TIMEOUT}
   */
  public synchronized void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    NotReady stalled = null;
    long stalledSince = 0;
    boolean restarted = false;
    NotReady problem;
    while ((problem = notReadyBecause()) != null) {
      long now = System.nanoTime();
      if (now > deadline) {
        throw new IllegalStateException(
            "cluster in " + dir + " not ready after " + READY_TIMEOUT + ": " + problem.reason());
      }
      if (!problem.isStalledReplica()) {
        stalled = null;
      } else if (stalled == null || stalled.node() != problem.node()) {
        stalled = problem;
        stalledSince = now;
      } else if (!restarted && now - stalledSince > STALLED_REPLICA.toNanos()) {
        restart(problem);
        restarted = true;
      }
      NatsServerProcess.sleep(50);
    }
  }

  private void restart(NotReady stalled) {
    NatsServerProcess server = stalled.node().server();
    System.err.printf(
        "NatsCluster: %s still says \"%s\" after %d s; restarting it once to start its catch-up"
            + " again (nats-server 2.9.10 does not repair a stalled replica)%n",
        server.serverName(), stalled.reason(), STALLED_REPLICA.toSeconds());
    server.stop();
    server.start();
  }

  /** Why the cluster is not ready: what a node (or null: the nodes together) reports. */
  private record NotReady(Node node, String reason) {
    boolean isStalledReplica() {
      return node != null && reason.contains("is not current");
    }
  }

  /** Why the running nodes do not form a working cluster yet, or null when they do. */
  private NotReady notReadyBecause() {
    List<Node> running = nodes.stream().filter(node -> node.server().isRunning()).toList();
    Set<String> names = new HashSet<>();
    Set<String> leaders = new HashSet<>();
    for (Node node : running) {
      String name = node.server().serverName();
      names.add(name);
      try {
        int routes = json(node, "/routez").map.get("num_routes").number.intValue();
        if (routes < running.size() - 1) {
          return new NotReady(
              node, name + " has " + routes + " routes, wants " + (running.size() - 1));
        }
        String leader = metaLeaderSeenBy(node);
        if (leader.isEmpty()) {
          return new NotReady(node, name + " knows no JetStream meta leader");
        }
        leaders.add(leader);
        HttpResponse<String> health = get(node, "/healthz");
        if (health.statusCode() != 200) {
          return new NotReady(node, name + " is not healthy: " + health.body());
        }
      } catch (IOException | RuntimeException e) {
        return new NotReady(node, name + " does not answer on its monitoring port: " + e);
      }
    }
    if (leaders.size() != 1 || !names.containsAll(leaders)) {
      return new NotReady(null, "the running nodes " + names + " name the meta leaders " + leaders);
    }
    return null;
  }

  /**
   * The {@code server_name} of the JetStream meta leader as the first running node sees it; after
   * {@link #awaitReady()}, every running node agrees. Tests use it to crash a node without also
   * waiting for an election.
   */
  public synchronized String metaLeader() {
    Node any =
        nodes.stream()
            .filter(node -> node.server().isRunning())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no node is running"));
    try {
      return metaLeaderSeenBy(any);
    } catch (IOException e) {
      throw new IllegalStateException(any.server().serverName() + " does not answer", e);
    }
  }

  private String metaLeaderSeenBy(Node node) throws IOException {
    JsonValue meta = json(node, "/jsz").map.get("meta_cluster");
    JsonValue leader = meta == null ? null : meta.map.get("leader");
    return leader == null || leader.string == null ? "" : leader.string;
  }

  private JsonValue json(Node node, String path) throws IOException {
    return JsonParser.parse(get(node, path).body());
  }

  private HttpResponse<String> get(Node node, String path) throws IOException {
    URI uri = URI.create("http://127.0.0.1:" + node.monitorPort() + path);
    try {
      return http.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The node at {@code index} (0-based, in start order), running or not. */
  public synchronized NatsServerProcess node(int index) {
    return nodes.get(index).server();
  }

  /** Every node in start order, running or not. */
  public synchronized List<NatsServerProcess> nodes() {
    return nodes.stream().map(Node::server).toList();
  }

  /** The client URL of every node, in start order. */
  public synchronized List<String> urls() {
    return nodes.stream().map(node -> node.server().url()).toList();
  }

  /** The client URLs joined with commas, as jnats {@code Options.Builder.server} takes them. */
  public String url() {
    return String.join(",", urls());
  }

  /** The directory holding one subdirectory per node. */
  public Path dir() {
    return dir;
  }

  /** Stops every node gracefully. */
  @Override
  public synchronized void close() {
    for (Node node : nodes) {
      node.server().close();
    }
  }
}
