package dev.gamingapi.server.resolver;

import java.time.Duration;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How the push of an account JWT went: which broker nodes had to store it and which confirmed.
 *
 * @param account the account's public key
 * @param nodes the nodes that must store it: the JetStream meta group, one name on a single server
 * @param confirmed the nodes that answered that they stored it
 * @param confirmationTime from sending the JWT until the last node confirmed, or until the timeout
 *     when some node stayed silent
 */
public record PushResult(
    String account,
    SortedSet<String> nodes,
    SortedSet<String> confirmed,
    Duration confirmationTime) {
  /** Copies the sets. */
  public PushResult {
    nodes = Collections.unmodifiableSortedSet(new TreeSet<>(nodes));
    confirmed = Collections.unmodifiableSortedSet(new TreeSet<>(confirmed));
  }

  /** The nodes that did not confirm in time. */
  public SortedSet<String> missing() {
    SortedSet<String> missing = new TreeSet<>(nodes);
    missing.removeAll(confirmed);
    return Collections.unmodifiableSortedSet(missing);
  }

  /** Whether every node confirmed. */
  public boolean complete() {
    return confirmed.containsAll(nodes);
  }

  /**
   * Whether more than half of the nodes confirmed: the JWT then outlives the loss of any minority,
   * as an R3 stream does, and one node down does not stop a push.
   */
  public boolean majorityConfirmed() {
    return (nodes.size() - missing().size()) * 2 > nodes.size();
  }
}
