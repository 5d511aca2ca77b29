package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells when a game server of one tenant stops sending heartbeats: a server that sent {@code
 * server.heartbeat} and then none for the timeout yields one {@code server.unresponsive} event, and
 * another only after it has sent a heartbeat again. A {@code server.stopped} ends the watch (a
 * clean stop is not unresponsive).
 *
 * <p>A minimal watcher of its own: the read models, which track heartbeats for server status, are
 * not part of the platform yet. It keeps its state in memory, so an unresponsive event is made, not
 * logged: after a restart, the watch starts again from the heartbeats it sees.
 */
final class HeartbeatWatch {
  /** The type of the event this watch makes. */
  static final String UNRESPONSIVE = "server.unresponsive";

  private record Seen(Instant at, boolean reported) {}

  private final Duration timeout;
  private final Clock clock;
  private final Map<String, Seen> servers = new ConcurrentHashMap<>();

  HeartbeatWatch(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
  }

  /** Notes {@code event} (received now). */
  void saw(NotifyEvent event) {
    switch (event.type()) {
      case "server.heartbeat" -> servers.put(event.server(), new Seen(clock.instant(), false));
      case "server.stopped" -> servers.remove(event.server());
      default -> {}
    }
  }

  /** Whether a server is watched: it sent heartbeats and was not reported silent since. */
  boolean watching() {
    return servers.values().stream().anyMatch(seen -> !seen.reported());
  }

  /** The unresponsive events due now; each silent server is reported once. */
  List<NotifyEvent> due() {
    Instant now = clock.instant();
    List<NotifyEvent> events = new ArrayList<>();
    for (Map.Entry<String, Seen> entry : servers.entrySet()) {
      Seen seen = entry.getValue();
      Duration silent = Duration.between(seen.at(), now);
      if (!seen.reported() && silent.compareTo(timeout) >= 0) {
        if (servers.replace(entry.getKey(), seen, new Seen(seen.at(), true))) {
          ObjectNode data = JsonNodeFactory.instance.objectNode();
          data.put("last_heartbeat_at", seen.at().truncatedTo(ChronoUnit.MILLIS).toString());
          data.put("silent_seconds", silent.toSeconds());
          events.add(
              new NotifyEvent(
                  0,
                  "unresponsive-" + entry.getKey() + "-" + seen.at().toEpochMilli(),
                  UNRESPONSIVE,
                  entry.getKey(),
                  null,
                  now,
                  data));
        }
      }
    }
    return events;
  }
}
