package dev.gamingapi.contract.event;

import dev.gamingapi.contract.subject.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The v1 event catalog: every type GamingAPI knows, game-agnostic. The AsyncAPI document in this
 * module declares the same types with their JSON Schemas; a test keeps the two in step.
 */
public final class EventCatalog {
  /** Prefix of tenants' own event types. */
  public static final String CUSTOM_PREFIX = "custom.";

  private static final Map<String, EventType> BY_NAME = new LinkedHashMap<>();
  private static final Map<Class<?>, EventType> BY_CLASS = new LinkedHashMap<>();

  static {
    add("server.started", ServerStarted.class, Scope.SERVER);
    add("server.stopped", ServerStopped.class, Scope.SERVER);
    add("server.heartbeat", ServerHeartbeat.class, Scope.SERVER);
    add("server.wiped", ServerWiped.class, Scope.SERVER);
    add("player.connected", PlayerConnected.class, Scope.PLAYER);
    add("player.disconnected", PlayerDisconnected.class, Scope.PLAYER);
    add("player.chatted", PlayerChatted.class, Scope.PLAYER);
    add("player.killed", PlayerKilled.class, Scope.PLAYER);
    add("player.died", PlayerDied.class, Scope.PLAYER);
    add("player.respawned", PlayerRespawned.class, Scope.PLAYER);
    add("player.scored", PlayerScored.class, Scope.PLAYER);
    add("player.banned", PlayerBanned.class, Scope.PLAYER);
    add("player.unbanned", PlayerUnbanned.class, Scope.PLAYER);
    add("player.reported", PlayerReported.class, Scope.PLAYER);
    add("match.started", MatchStarted.class, Scope.SERVER);
    add("match.ended", MatchEnded.class, Scope.SERVER);
    add("command.succeeded", CommandSucceeded.class, Scope.SERVER);
    add("command.failed", CommandFailed.class, Scope.SERVER);
    add("command.expired", CommandExpired.class, Scope.SERVER);
  }

  private EventCatalog() {}

  private static void add(String name, Class<? extends EventData> dataClass, Scope scope) {
    EventType type = new EventType(name, dataClass, scope);
    BY_NAME.put(name, type);
    BY_CLASS.put(dataClass, type);
  }

  /** Every catalog type, in catalog order (custom types excluded). */
  public static List<EventType> types() {
    return List.copyOf(BY_NAME.values());
  }

  /** The catalog type of this name, if it is one. */
  public static Optional<EventType> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The type of this name: a catalog type, or a custom type for a valid {@code custom.{name}}.
   *
   * @throws UnknownEventTypeException for anything else
   */
  public static EventType resolve(String name) {
    EventType known = BY_NAME.get(name);
    if (known != null) {
      return known;
    }
    if (isCustom(name)) {
      Ids.name("custom event name", name.substring(CUSTOM_PREFIX.length()));
      return new EventType(name, CustomEvent.class, Scope.EITHER);
    }
    throw new UnknownEventTypeException(String.valueOf(name));
  }

  /** Whether {@code name} starts with {@code custom.}. */
  public static boolean isCustom(String name) {
    return name != null && name.startsWith(CUSTOM_PREFIX);
  }

  /** The type name of {@code data}. */
  public static String typeOf(EventData data) {
    return switch (data) {
      case CustomEvent custom -> custom.type();
      case UnknownEventData unknown -> unknown.type();
      default -> {
        EventType type = BY_CLASS.get(data.getClass());
        if (type == null) {
          throw new UnknownEventTypeException(data.getClass().getName());
        }
        yield type.name();
      }
    };
  }

  /** The player {@code data} is about, or {@code null} for a server event. */
  public static String playerOf(EventData data) {
    return switch (data) {
      case PlayerEventData player -> player.playerId();
      case CustomEvent custom -> custom.playerId();
      default -> null;
    };
  }
}
