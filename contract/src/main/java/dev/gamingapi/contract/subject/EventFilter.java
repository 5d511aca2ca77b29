package dev.gamingapi.contract.subject;

import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.Scope;

/**
 * A selection of events by server, player and type; {@code null} means any.
 *
 * <p>nats-server 2.9 allows one filter subject per consumer, and only one that lies inside one
 * subject of the stream or covers one whole: {@code v1.servers.eu-1.>} is refused on the {@code
 * EVENTS} stream, because it spans both of its subjects. So {@link #natsSubject()} is the narrowest
 * subject the broker accepts, which may select more than the filter (all of a server's events come
 * with {@code >}), and a reader must apply {@link #matches(EventSubject)} to what it receives.
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
        throw new InvalidEventException(
            "event type '" + type + "' is about a server; it cannot be filtered by player");
      }
    }
  }

  /**
   * The narrowest filter subject that nats-server 2.9 accepts for a consumer of the {@code EVENTS}
   * stream; {@code >} when events of both kinds (server and player) are wanted.
   */
  public String natsSubject() {
    String server = serverId == null ? Subjects.ANY : serverId;
    String tail = type == null ? Subjects.REST : type;
    if (playerId != null) {
      return Subjects.playerEvents(server, playerId, tail);
    }
    if (type == null) {
      return Subjects.REST;
    }
    return switch (EventCatalog.resolve(type).scope()) {
      case SERVER -> Subjects.serverEvents(server, type);
      case PLAYER -> Subjects.playerEvents(server, Subjects.ANY, type);
      case EITHER -> Subjects.REST;
    };
  }

  /** Whether an event on {@code subject} is selected. */
  public boolean matches(EventSubject subject) {
    return (serverId == null || serverId.equals(subject.serverId()))
        && (playerId == null || playerId.equals(subject.playerId()))
        && (type == null || type.equals(subject.type()));
  }
}
