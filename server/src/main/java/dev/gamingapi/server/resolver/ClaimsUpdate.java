package dev.gamingapi.server.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.jwt.JwtClaims;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One {@code $SYS.REQ.CLAIMS.UPDATE}: the JWT is sent once, every node of a cluster stores it and
 * answers for itself, and the answers are read until each expected node has confirmed or the
 * timeout has passed.
 */
final class ClaimsUpdate {
  private static final String SUBJECT = "$SYS.REQ.CLAIMS.UPDATE";

  private ClaimsUpdate() {}

  /**
   * Sends {@code claims} and collects the confirmations of {@code nodes}.
   *
   * @throws ResolverException naming the node, as soon as one refuses the JWT
   */
  static PushResult send(
      Connection system, JwtClaims claims, SortedSet<String> nodes, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    SortedSet<String> confirmed = new TreeSet<>();
    try (Replies replies = new Replies(system, SUBJECT)) {
      replies.send(claims.encoded().getBytes(StandardCharsets.UTF_8));
      while (!confirmed.containsAll(nodes)) {
        Optional<JsonNode> reply = replies.next(deadline);
        if (reply.isEmpty()) {
          break;
        }
        JsonNode answer = reply.get();
        String node = answer.path("server").path("name").asText();
        int code =
            answer.path("data").path("code").asInt(answer.path("error").path("code").asInt(0));
        if (code != 200) {
          throw new ResolverException(
              "broker node "
                  + node
                  + " refused the JWT of account "
                  + claims.subject()
                  + ": "
                  + answer);
        }
        confirmed.add(node);
      }
    }
    return new PushResult(
        claims.subject(), nodes, confirmed, Duration.ofNanos(System.nanoTime() - start));
  }
}
