package dev.gamingapi.server.access;

import java.time.Instant;
import java.util.List;

/**
 * What a new user should be.
 *
 * @param name unique in its account
 * @param kind what it may do
 * @param server for a game server: the registered server it is bound to
 * @param servers for an app: the servers it may read (null or empty: all)
 * @param eventTypes for an app: the event types it may read (null or empty: all)
 * @param maySendCommands for an app: whether it may send commands (null: false)
 * @param expiresAt when its credentials stop working (null: never)
 */
public record UserSpec(
    String name,
    String kind,
    String server,
    List<String> servers,
    List<String> eventTypes,
    Boolean maySendCommands,
    Instant expiresAt) {
  /** Null lists become empty. */
  public UserSpec {
    servers = servers == null ? List.of() : List.copyOf(servers);
    eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
  }

  /** A user without the right to send commands. */
  public UserSpec(
      String name,
      String kind,
      String server,
      List<String> servers,
      List<String> eventTypes,
      Instant expiresAt) {
    this(name, kind, server, servers, eventTypes, null, expiresAt);
  }
}
