package dev.gamingapi.server.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one broker node can still reserve for JetStream streams: its configured maximum and what the
 * streams' {@code max_bytes} already reserve ({@code $SYS.REQ.SERVER.PING.JSZ}). A stream whose
 * {@code max_bytes} exceeds a node's remaining storage is refused with {@code 10047 insufficient
 * storage resources available}; this says by how much.
 *
 * @param node the node's {@code server_name}
 * @param maxMemory bytes of memory storage JetStream may use on it
 * @param reservedMemory bytes of it the streams reserve
 * @param maxStorage bytes of file storage JetStream may use on it
 * @param reservedStorage bytes of it the streams reserve
 * @param usedMemory bytes of memory storage the streams hold now
 * @param usedStorage bytes of file storage the streams hold now
 */
public record BrokerStorage(
    String node,
    long maxMemory,
    long reservedMemory,
    long maxStorage,
    long reservedStorage,
    long usedMemory,
    long usedStorage) {
  private static final String SUBJECT = "$SYS.REQ.SERVER.PING.JSZ";

  /** File storage a new stream may still reserve on this node. */
  public long remainingStorage() {
    return Math.max(0, maxStorage - reservedStorage);
  }

  /** Memory storage a new stream may still reserve on this node. */
  public long remainingMemory() {
    return Math.max(0, maxMemory - reservedMemory);
  }

  /**
   * Every node that answers within {@code wait}, sorted by name; stops early once {@code expected}
   * nodes answered.
   */
  static List<BrokerStorage> ask(Connection system, int expected, Duration wait) {
    List<BrokerStorage> nodes = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    try (Replies replies = new Replies(system, SUBJECT)) {
      replies.send("{}".getBytes(StandardCharsets.UTF_8));
      while (nodes.size() < expected) {
        Optional<JsonNode> reply = replies.next(deadline);
        if (reply.isEmpty()) {
          break;
        }
        JsonNode data = reply.get().path("data");
        nodes.add(
            new BrokerStorage(
                reply.get().path("server").path("name").asText(),
                data.path("config").path("max_memory").asLong(),
                data.path("reserved_memory").asLong(),
                data.path("config").path("max_storage").asLong(),
                data.path("reserved_storage").asLong(),
                data.path("memory").asLong(),
                data.path("storage").asLong()));
      }
    }
    nodes.sort(Comparator.comparing(BrokerStorage::node));
    return List.copyOf(nodes);
  }
}
