package dev.gamingapi.server.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The broker nodes that must each store a pushed account JWT: the members of the JetStream meta
 * group as its leader reports them ({@code $SYS.REQ.SERVER.PING.JSZ}, leader only).
 *
 * <p>Why the meta group: it is the cluster's own record of its members. It keeps a node that is
 * down, so a push can name the node that missed it; it grows by itself when a node joins, so there
 * is no node count to keep in step with the cluster; and it names nodes by {@code server_name}, as
 * the {@code CLAIMS.UPDATE} replies do. The {@code connect_urls} of the server's {@code INFO} and
 * the answers to {@code $SYS.REQ.SERVER.PING} only know the nodes that are up, so a push during an
 * outage would look complete; a configured count must be edited at every scale-out.
 */
final class ClusterNodes {
  private static final String SUBJECT = "$SYS.REQ.SERVER.PING.JSZ";
  private static final byte[] LEADER_ONLY =
      "{\"leader_only\":true}".getBytes(StandardCharsets.UTF_8);
  // Nobody answers while the meta group elects a leader; asking again reaches the new one.
  private static final long ASK_AGAIN_NANOS = Duration.ofMillis(250).toNanos();

  private ClusterNodes() {}

  /**
   * The {@code server_name}s of the nodes, sorted; one name for a single server.
   *
   * @throws ResolverException if no meta leader answers within {@code timeout}
   */
  static SortedSet<String> ask(Connection system, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Replies replies = new Replies(system, SUBJECT)) {
      while (System.nanoTime() < deadline) {
        replies.send(LEADER_ONLY);
        Optional<JsonNode> reply =
            replies.next(Math.min(deadline, System.nanoTime() + ASK_AGAIN_NANOS));
        if (reply.isPresent()) {
          return members(reply.get());
        }
      }
    }
    throw new ResolverException(
        "cannot tell which broker nodes must store account JWTs: no JetStream meta leader answered "
            + SUBJECT
            + " within "
            + timeout
            + " (has the cluster lost its quorum? is JetStream on? may the system user publish"
            + " there?)");
  }

  private static SortedSet<String> members(JsonNode reply) {
    SortedSet<String> names = new TreeSet<>();
    JsonNode meta = reply.path("data").path("meta_cluster");
    if (meta.isMissingNode()) {
      // JetStream without a cluster: the server that answered is the only node.
      names.add(reply.path("server").path("name").asText());
    } else {
      names.add(meta.path("leader").asText());
      meta.path("replicas").forEach(peer -> names.add(peer.path("name").asText()));
    }
    return Collections.unmodifiableSortedSet(names);
  }
}
