package dev.gamingapi.server.access;

import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.server.common.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a user may reach: a game server's own server, or an app's servers and event types, and the
 * event subjects that follow from them. Public for OAuth grants, which have an app's scope.
 *
 * @param server a game server's own server, else null
 * @param servers an app's servers (empty: all)
 * @param eventTypes an app's event types (empty: all)
 */
public record Scope(String server, List<String> servers, List<String> eventTypes) {
  private static final Pattern EVENT_TYPE =
      Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*(\\.\\*)?|\\*");

  /**
   * Passes when {@code type} is an event type or a prefix such as {@code player.*}.
   *
   * @throws InvalidRequestException naming the field {@code event_types}
   */
  public static void checkEventType(String type) {
    if (type == null || !EVENT_TYPE.matcher(type).matches()) {
      throw new InvalidRequestException(
          "event_types",
          "'" + type + "' must be an event type like player.connected, or a prefix like player.*");
    }
  }

  /**
   * The event subjects an app may read: every combination of its servers (all when none) and its
   * types (all when none), for both server-level and player-level subjects.
   */
  public List<String> subjects() {
    List<String> serverTokens = servers.isEmpty() ? List.of("*") : servers;
    List<String> subjects = new ArrayList<>();
    for (String server : serverTokens) {
      if (eventTypes.isEmpty() || eventTypes.contains("*")) {
        subjects.add(Subjects.everythingOf(server));
        continue;
      }
      for (String type : eventTypes) {
        String suffix = type.endsWith(".*") ? type.substring(0, type.length() - 1) + ">" : type;
        subjects.add(Subjects.serverEvents(server, suffix));
        subjects.add(Subjects.playerEvents(server, Subjects.ANY, suffix));
      }
    }
    return subjects;
  }
}
