package dev.gamingapi.contract.subject;

import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventType;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.Scope;
import dev.gamingapi.contract.event.UnknownEventTypeException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A selection of events by server, player and type; {@code null} means any.
 *
 * <p>nats-server 2.9 allows one filter subject per consumer, and only one that lies inside one
 * subject of the stream or covers one whole: {@code v1.servers.eu-1.>} is refused on the {@code
 * EVENTS} stream, because it spans both of its subjects. So {@link #natsSubject()} is the narrowest
 * subject the broker accepts, which may select more than the filter (all of a server's events come
 * with {@code >}), and a reader must apply {@link #matches(EventSubject)} to what it receives.
 *
 * <p>The type may name a family, {@code player.*}: every type that starts with {@code player.}, as
 * an app's {@code event_types} scope does.
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
      Scope scope = scopeOf(type);
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
    String tail =
        type == null ? Subjects.REST : isFamily(type) ? prefix(type) + Subjects.REST : type;
    if (playerId != null) {
      return Subjects.playerEvents(server, playerId, tail);
    }
    if (type == null) {
      return Subjects.REST;
    }
    return switch (scopeOf(type)) {
      case SERVER -> Subjects.serverEvents(server, tail);
      case PLAYER -> Subjects.playerEvents(server, Subjects.ANY, tail);
      case EITHER -> Subjects.REST;
    };
  }

  /** Whether an event on {@code subject} is selected. */
  public boolean matches(EventSubject subject) {
    return (serverId == null || serverId.equals(subject.serverId()))
        && (playerId == null || playerId.equals(subject.playerId()))
        && (type == null
            || (isFamily(type)
                ? subject.type().startsWith(prefix(type))
                : type.equals(subject.type())));
  }

  /** Whether {@code type} names a family of types, such as {@code player.*}. */
  public static boolean isFamily(String type) {
    return type != null && type.endsWith(".*");
  }

  /** {@code player.} of {@code player.*}. */
  private static String prefix(String family) {
    return family.substring(0, family.length() - 1);
  }

  /**
   * Where events of {@code type} are stored: a family's types must all be stored alike for the
   * broker to filter on one kind of subject, else {@link Scope#EITHER}.
   *
   * @throws UnknownEventTypeException for a type, or a family, that names no type
   */
  private static Scope scopeOf(String type) {
    if (!isFamily(type)) {
      return EventCatalog.resolve(type).scope();
    }
    String prefix = prefix(type);
    if (prefix.equals(EventCatalog.CUSTOM_PREFIX)) {
      return Scope.EITHER;
    }
    Set<Scope> scopes =
        EventCatalog.types().stream()
            .filter(known -> known.name().startsWith(prefix))
            .map(EventType::scope)
            .collect(Collectors.toSet());
    if (scopes.isEmpty()) {
      throw new UnknownEventTypeException(type);
    }
    return scopes.size() == 1 ? scopes.iterator().next() : Scope.EITHER;
  }
}
