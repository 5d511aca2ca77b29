package dev.gamingapi.contract.command;

import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.contract.subject.Subjects;

/**
 * Names shared by the platform and game servers for commands: the tenant's {@code COMMANDS}
 * work-queue stream, the one durable pull consumer of each game server on it, and the headers of a
 * command message.
 */
public final class CommandChannel {
  /** The work-queue stream of commands in every tenant account. */
  public static final String STREAM = "COMMANDS";

  /** Header with the command's expiry (RFC 3339 UTC), when it has one. */
  public static final String EXPIRES_AT = "Gapi-Expires-At";

  /** Header with the command's not-before time (RFC 3339 UTC), when it has one. */
  public static final String NOT_BEFORE = "Gapi-Not-Before";

  private CommandChannel() {}

  /**
   * The durable consumer of game server {@code serverId} on {@link #STREAM}, filtered to its own
   * subject {@code v1.servers.{server}.commands.>}. A single token, so credentials can name it.
   */
  public static String consumer(String serverId) {
    return "server-" + Ids.server(serverId);
  }

  /** The subject filter of the consumer of {@code serverId}. */
  public static String filter(String serverId) {
    return Subjects.commandsOf(Ids.server(serverId));
  }
}
