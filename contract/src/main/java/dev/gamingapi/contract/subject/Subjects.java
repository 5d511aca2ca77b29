package dev.gamingapi.contract.subject;

import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventType;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.Scope;

/**
 * Builds and parses the v1 subjects:
 *
 * <pre>
 * v1.servers.{server}.events.{type...}                   server events
 * v1.servers.{server}.players.{player}.events.{type...}  player events
 * v1.servers.{server}.commands.{name}                     commands to one game server
 * </pre>
 *
 * Every id is validated before a subject is made, so a bad id never reaches the broker.
 */
public final class Subjects {
  /** The stream of every tenant account that holds its event log. */
  public static final String EVENT_STREAM = "EVENTS";

  /** Any token of a subject pattern. */
  public static final String ANY = "*";

  /** The rest of a subject pattern, one token or more. */
  public static final String REST = ">";

  private static final String PREFIX = "v1.servers.";

  /** The subjects of a tenant's {@code EVENTS} stream. */
  public static final String[] EVENT_STREAM_SUBJECTS = {
    serverEvents(ANY, REST), playerEvents(ANY, ANY, REST)
  };

  /** The subject of a tenant's {@code COMMANDS} stream. */
  public static final String COMMAND_STREAM_SUBJECT = commandsOf(ANY);

  /** Every subject of every server of an account: events, player events and commands. */
  public static final String ALL_SERVERS = everythingOf(ANY);

  private Subjects() {}

  /**
   * A server-event subject or pattern, {@code v1.servers.{server}.events.{tail}}; the tokens are
   * not checked, so that they may be wildcards ({@link #ANY}, {@link #REST}).
   */
  public static String serverEvents(String server, String tail) {
    return PREFIX + server + ".events." + tail;
  }

  /**
   * A player-event subject or pattern, {@code v1.servers.{server}.players.{player}.events.{tail}};
   * the tokens are not checked, so that they may be wildcards.
   */
  public static String playerEvents(String server, String player, String tail) {
    return PREFIX + server + ".players." + player + ".events." + tail;
  }

  /**
   * Every subject under server {@code server} (a token or {@link #ANY}): {@code
   * v1.servers.{server}.>}.
   */
  public static String everythingOf(String server) {
    return PREFIX + server + "." + REST;
  }

  /**
   * The commands to server {@code server} (a token or {@link #ANY}): {@code
   * v1.servers.{server}.commands.>}.
   */
  public static String commandsOf(String server) {
    return PREFIX + server + ".commands." + REST;
  }

  /**
   * The subject of an event. A player type needs a player id; a server type must not have one.
   *
   * @throws InvalidIdException for a bad server or player id
   */
  public static String event(String serverId, String playerId, String type) {
    Ids.server(serverId);
    EventType eventType = EventCatalog.resolve(type);
    if (playerId == null) {
      if (eventType.scope() == Scope.PLAYER) {
        throw new InvalidEventException("event type '" + type + "' needs a player id");
      }
      return serverEvents(serverId, type);
    }
    Ids.player(playerId);
    if (eventType.scope() == Scope.SERVER) {
      throw new InvalidEventException(
          "event type '" + type + "' is about a server and takes no player id");
    }
    return playerEvents(serverId, playerId, type);
  }

  /** The subject of a command {@code name} to game server {@code serverId}. */
  public static String command(String serverId, String name) {
    return PREFIX + Ids.server(serverId) + ".commands." + Ids.name("command name", name);
  }

  /** The subjects a game server publishes its events on, for permissions. */
  public static String[] publishableBy(String serverId) {
    Ids.server(serverId);
    return new String[] {serverEvents(serverId, REST), playerEvents(serverId, ANY, REST)};
  }

  /**
   * The inbox prefix of a game server's connection. Its credential may subscribe only under this
   * prefix, so it never sees replies meant for other users of the tenant.
   */
  public static String inboxPrefix(String serverId) {
    return "_INBOX_" + Ids.server(serverId);
  }

  /**
   * Parses an event subject. The type is returned as found (it may be one this version does not
   * know), but none of its tokens may be empty.
   *
   * @throws InvalidEventException when {@code subject} is not a v1 event subject
   * @throws InvalidIdException when its server or player token breaks the id rule
   */
  public static EventSubject parseEvent(String subject) {
    // By hand rather than split and join: every event read parses its subject.
    int[] dots = new int[6];
    int found = 0;
    boolean emptyToken =
        subject == null
            || subject.isEmpty()
            || subject.charAt(0) == '.'
            || subject.charAt(subject.length() - 1) == '.'
            || subject.contains("..");
    for (int at = emptyToken ? -1 : subject.indexOf('.');
        at >= 0 && found < dots.length;
        at = subject.indexOf('.', at + 1)) {
      dots[found++] = at;
    }
    if (!emptyToken
        && found >= 4
        && token(subject, dots, 0).equals("v1")
        && token(subject, dots, 1).equals("servers")) {
      String server = token(subject, dots, 2);
      String kind = token(subject, dots, 3);
      if (kind.equals("events")) {
        return new EventSubject(Ids.server(server), null, subject.substring(dots[3] + 1));
      }
      if (found >= 6 && kind.equals("players") && token(subject, dots, 5).equals("events")) {
        return new EventSubject(
            Ids.server(server),
            Ids.player(token(subject, dots, 4)),
            subject.substring(dots[5] + 1));
      }
    }
    throw new InvalidEventException("'" + subject + "' is not a v1 event subject");
  }

  // Token number index (from 0) of a subject whose first dots are at dots.
  private static String token(String subject, int[] dots, int index) {
    return subject.substring(index == 0 ? 0 : dots[index - 1] + 1, dots[index]);
  }
}
