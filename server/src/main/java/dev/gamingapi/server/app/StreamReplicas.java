package dev.gamingapi.server.app;

import dev.gamingapi.server.resolver.ResolverClient;
import java.util.SortedSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the replicas of the tenants' streams ({@code EVENTS}, {@code COMMANDS}, and the
 * platform's consumers on them, which inherit them) at start: the configured count when the broker
 * can hold it, else a refusal naming the nodes; with none configured ({@code 0}, "auto"), 1 on the
 * embedded broker or a single external node and 3 on an external cluster of 3 or more JetStream
 * nodes.
 */
final class StreamReplicas {
  private static final Logger LOG = LoggerFactory.getLogger(StreamReplicas.class);

  /** What a cluster gets by default: survives one node down, as JetStream recommends. */
  static final int CLUSTER_DEFAULT = 3;

  private StreamReplicas() {}

  static int choose(PlatformConfig config, ResolverClient resolver) {
    int wanted = config.replicas();
    if (config.embeddedBroker()) {
      if (wanted > 1) {
        throw new InvalidConfigException(
            "GAMINGAPI_REPLICAS="
                + wanted
                + " needs a cluster, but the embedded broker is one node: leave it unset (or 1),"
                + " or set GAMINGAPI_BROKER_URL to a cluster");
      }
      return 1;
    }
    SortedSet<String> nodes = resolver.jetStreamNodes();
    if (wanted == 0) {
      int chosen = nodes.size() >= CLUSTER_DEFAULT ? CLUSTER_DEFAULT : 1;
      LOG.info("stream replicas {} (auto: {} JetStream node(s) {})", chosen, nodes.size(), nodes);
      return chosen;
    }
    if (wanted > nodes.size()) {
      throw new InvalidConfigException(
          "GAMINGAPI_REPLICAS="
              + wanted
              + " but the broker has "
              + nodes.size()
              + " JetStream node(s) "
              + nodes
              + ": a stream cannot have more replicas than nodes");
    }
    return wanted;
  }
}
