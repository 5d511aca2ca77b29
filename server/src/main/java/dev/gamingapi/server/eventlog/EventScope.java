package dev.gamingapi.server.eventlog;

import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.server.access.User;
import dev.gamingapi.server.access.UserKind;
import dev.gamingapi.server.common.ForbiddenException;
import java.util.List;

/**
 * What a caller may read of an account's event log, the same as its NATS permissions: everything
 * for the operator and owners, one server for a game server, the granted servers and types for an
 * app.
 *
 * @param servers the servers it may read; empty: all
 * @param eventTypes the types it may read, a type ending in {@code .*} being a prefix; empty: all
 */
public record EventScope(List<String> servers, List<String> eventTypes) {
  /** Everything of the account. */
  public static final EventScope ALL = new EventScope(List.of(), List.of());

  /** The scope of {@code user}; null for the operator. */
  public static EventScope of(User user) {
    if (user == null) {
      return ALL;
    }
    if (user.kind() == UserKind.GAME_SERVER) {
      return new EventScope(List.of(user.server()), List.of());
    }
    if (user.kind() == UserKind.APP) {
      return new EventScope(user.servers(), user.eventTypes());
    }
    return ALL;
  }

  /**
   * The filter to ask the broker for: {@code requested}, narrowed to the only server in scope when
   * it names none.
   *
   * @throws ForbiddenException when it names a server out of scope
   */
  public EventFilter narrow(EventFilter requested) {
    String server = requested.serverId();
    if (server != null && !servers.isEmpty() && !servers.contains(server)) {
      throw new ForbiddenException("this token may not read the events of server '" + server + "'");
    }
    if (server == null && servers.size() == 1) {
      return new EventFilter(servers.get(0), requested.playerId(), requested.type());
    }
    return requested;
  }

  /** Whether an event of {@code server} and {@code type} is in scope. */
  public boolean allows(String server, String type) {
    return (servers.isEmpty() || servers.contains(server)) && typeAllowed(type);
  }

  private boolean typeAllowed(String type) {
    if (eventTypes.isEmpty() || eventTypes.contains("*")) {
      return true;
    }
    for (String allowed : eventTypes) {
      if (allowed.endsWith(".*")
          ? type.startsWith(allowed.substring(0, allowed.length() - 1))
          : type.equals(allowed)) {
        return true;
      }
    }
    return false;
  }
}
