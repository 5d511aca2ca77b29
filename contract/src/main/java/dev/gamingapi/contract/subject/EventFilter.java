package dev.gamingapi.contract.subject;

import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.Scope;

/**
 * A selection of events by server, player and type; {@code null} means any. nats-server 2.9 allows
 * one filter subject per consumer, so {@link #natsSubject()} is the narrowest single subject and
 * {@link #matches(EventSubject)} decides exactly (it matters for custom types, which may be server
 * or player events).
 */
public record EventFilter(String serverId, String playerId, String type) {
  /** Every event. */
  public static final EventFilter ALL = new EventFilter(null, null, null);

  /** Validates the ids and the type. */
  public EventFilter {
    if (serverId != null) {
      Ids.server(serverId);
    }
    if (playerId != null) {
      Ids.player(playerId);
    }
    if (type != null) {
      Scope scope = EventCatalog.resolve(type).scope();
      if (scope == Scope.SERVER && playerId != null) {
        throw new dev.gamingapi.contract.event.InvalidEventException(
            "event type '" + type + "' is about a server; it cannot be filtered by player");
      }
    }
  }

  /** The narrowest filter subject for a consumer of the {@code EVENTS} stream. */
  public String natsSubject() {
    String server = serverId == null ? "*" : serverId;
    String tail = type == null ? ">" : type;
    if (playerId != null) {
      return "v1.servers." + server + ".players." + playerId + ".events." + tail;
    }
    if (type == null) {
      return serverId == null ? ">" : "v1.servers." + serverId + ".>";
    }
    return switch (EventCatalog.resolve(type).scope()) {
      case SERVER -> "v1.servers." + server + ".events." + type;
      case PLAYER -> "v1.servers." + server + ".players.*.events." + type;
      case EITHER -> serverId == null ? ">" : "v1.servers." + serverId + ".>";
    };
  }

  /** Whether an event on {@code subject} is selected. */
  public boolean matches(EventSubject subject) {
    return (serverId == null || serverId.equals(subject.serverId()))
        && (playerId == null || playerId.equals(subject.playerId()))
        && (type == null || type.equals(subject.type()));
  }
}
