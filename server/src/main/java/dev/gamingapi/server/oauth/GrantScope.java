package dev.gamingapi.server.oauth;

import dev.gamingapi.server.access.Scope;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a grant allows, in the scope model of an {@code app} user: the servers and event types it
 * may read (empty: all) and whether it may send commands to those servers. On the wire it is an
 * OAuth scope string: {@code events:read} (always), {@code commands:send}, and one {@code
 * server:<id>} or {@code event:<type>} per server or type it is limited to, e.g. {@code events:read
 * server:eu-1 event:player.*}.
 *
 * @param servers the servers it may read (empty: all)
 * @param eventTypes the event types it may read (empty: all)
 * @param maySendCommands whether it may send commands to the servers it may read
 */
public record GrantScope(List<String> servers, List<String> eventTypes, boolean maySendCommands) {
  /** Reading events and the account's read-only routes; every grant has it. */
  public static final String READ = "events:read";

  /** Sending commands to the servers it may read. */
  public static final String COMMANDS = "commands:send";

  private static final String SERVER = "server:";
  private static final String EVENT = "event:";

  /** Copies the lists. */
  public GrantScope {
    servers = List.copyOf(new LinkedHashSet<>(servers));
    eventTypes = List.copyOf(new LinkedHashSet<>(eventTypes));
  }

  /**
   * The scope of the string {@code scope} (null or blank: {@link #READ}).
   *
   * @throws OAuthError invalid_scope for an unknown token, a bad server id or event type, or no
   *     {@link #READ}
   */
  public static GrantScope parse(String scope) {
    if (scope == null || scope.isBlank()) {
      return new GrantScope(List.of(), List.of(), false);
    }
    boolean read = false;
    boolean commands = false;
    List<String> servers = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (String token : scope.strip().split(" +")) {
      try {
        if (token.equals(READ)) {
          read = true;
        } else if (token.equals(COMMANDS)) {
          commands = true;
        } else if (token.startsWith(SERVER)) {
          servers.add(Names.serverId("scope", token.substring(SERVER.length())));
        } else if (token.startsWith(EVENT)) {
          String type = token.substring(EVENT.length());
          Scope.checkEventType(type);
          types.add(type);
        } else {
          throw OAuthError.invalidScope("unknown scope '" + token + "'");
        }
      } catch (InvalidRequestException e) {
        throw OAuthError.invalidScope("scope '" + token + "': " + e.problem());
      }
    }
    if (!read) {
      throw OAuthError.invalidScope("the scope must include " + READ);
    }
    return new GrantScope(servers, types, commands);
  }

  /** The capability scopes it needs the client to be allowed: {@link #READ}, maybe commands. */
  public Set<String> capabilities() {
    return maySendCommands ? Set.of(READ, COMMANDS) : Set.of(READ);
  }

  /** Whether it gives nothing that {@code wider} does not (servers, types, commands). */
  public boolean within(GrantScope wider) {
    return covers(wider.servers, servers)
        && covers(wider.eventTypes, eventTypes)
        && (!maySendCommands || wider.maySendCommands);
  }

  private static boolean covers(List<String> wider, List<String> narrower) {
    return wider.isEmpty() || (!narrower.isEmpty() && wider.containsAll(narrower));
  }

  /** The scope string, e.g. {@code events:read commands:send server:eu-1}. */
  public String wire() {
    StringBuilder out = new StringBuilder(READ);
    if (maySendCommands) {
      out.append(' ').append(COMMANDS);
    }
    servers.forEach(server -> out.append(' ').append(SERVER).append(server));
    eventTypes.forEach(type -> out.append(' ').append(EVENT).append(type));
    return out.toString();
  }
}
