package dev.gamingapi.server.app;

import dev.gamingapi.server.resolver.BrokerStorage;
import dev.gamingapi.server.resolver.ResolverClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker as the platform sees it, on {@code /metrics}: whether its system connection is up
 * ({@code gamingapi_broker_up}), how many JetStream nodes the meta group has and how many answered
 * ({@code gamingapi_broker_nodes_expected}, {@code _answering}), and each node's JetStream memory
 * and file storage: used, reserved by the streams' and accounts' limits, and the maximum ({@code
 * gamingapi_jetstream_storage_used_bytes{node}}...).
 *
 * <p>Why here and not a NATS exporter: nats-server 2.9 speaks no Prometheus, and the platform
 * already holds a system-account connection that every node answers ({@code
 * $SYS.REQ.SERVER.PING.JSZ}), external brokers and clusters included; an exporter would need the
 * monitoring port of each node opened to the scraper. The nodes are asked every {@link #EVERY} on a
 * thread of their own, not at scrape time: a node that is down makes the question wait its whole
 * timeout, which must not hold a scrape.
 */
final class BrokerMetrics implements AutoCloseable {
  static final Duration EVERY = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(BrokerMetrics.class);

  private final ResolverClient resolver;
  private final MeterRegistry metrics;
  private final Map<String, BrokerStorage> nodes = new ConcurrentHashMap<>();
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller;
  private volatile int expected;
  private volatile int answering;
  private volatile boolean failing;

  BrokerMetrics(ResolverClient resolver, BooleanSupplier connected, MeterRegistry metrics) {
    this.resolver = resolver;
    this.metrics = metrics;
    Gauge.builder("gamingapi.broker.up", () -> connected.getAsBoolean() ? 1 : 0)
        .description("1 when the platform's system connection to the broker is up")
        .register(metrics);
    Gauge.builder("gamingapi.broker.nodes.expected", () -> expected)
        .description("JetStream nodes of the broker's meta group, down ones included")
        .register(metrics);
    Gauge.builder("gamingapi.broker.nodes.answering", () -> answering)
        .description("JetStream nodes that answered the last storage question")
        .register(metrics);
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("gamingapi-broker-metrics").daemon().unstarted(task));
    poller.scheduleWithFixedDelay(this::poll, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void poll() {
    try {
      int meta = resolver.jetStreamNodes().size();
      List<BrokerStorage> answers = resolver.storage();
      nodes.keySet().retainAll(answers.stream().map(BrokerStorage::node).toList());
      answers.forEach(node -> nodes.put(node.node(), node));
      answers.forEach(node -> register(node.node()));
      expected = meta;
      answering = answers.size();
      failing = false;
    } catch (RuntimeException e) {
      // An escaping exception would cancel the schedule. Said once per outage, not every poll.
      answering = 0;
      nodes.clear();
      if (!failing) {
        LOG.warn("cannot read the broker's JetStream storage for /metrics: {}", e.getMessage());
        failing = true;
      }
    }
  }

  private void register(String node) {
    if (!registered.add(node)) {
      return;
    }
    gauge(node, "storage.used", BrokerStorage::usedStorage, "file storage the streams hold");
    gauge(
        node,
        "storage.reserved",
        BrokerStorage::reservedStorage,
        "file storage reserved by limits (a new account or stream needs room left)");
    gauge(node, "storage.max", BrokerStorage::maxStorage, "file storage JetStream may use");
    gauge(node, "memory.used", BrokerStorage::usedMemory, "memory storage the streams hold");
    gauge(node, "memory.reserved", BrokerStorage::reservedMemory, "memory storage reserved");
    gauge(node, "memory.max", BrokerStorage::maxMemory, "memory storage JetStream may use");
  }

  // NaN while the node does not answer: no figure rather than a stale one.
  private void gauge(String node, String what, ToLongFunction<BrokerStorage> read, String text) {
    Gauge.builder(
            "gamingapi.jetstream." + what + ".bytes",
            nodes,
            all -> {
              BrokerStorage storage = all.get(node);
              return storage == null ? Double.NaN : read.applyAsLong(storage);
            })
        .description(text + ", per broker node")
        .tag("node", node)
        .register(metrics);
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
