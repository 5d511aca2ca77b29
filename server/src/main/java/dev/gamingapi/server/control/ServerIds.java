package dev.gamingapi.server.control;

import java.util.regex.Pattern;

/**
 * Validates game server ids, which become one token of NATS subjects and permissions.
 *
 * <p>A dot or wildcard in an id would widen a credential's permissions to other servers' subjects,
 * so anything outside the rule is refused before a JWT is issued.
 */
public final class ServerIds {
  /** The rule, as written in messages. */
  public static final String RULE = "[A-Za-z0-9_-]{1,64}";

  private static final Pattern VALID = Pattern.compile(RULE);

  private ServerIds() {}

  /**
   * Returns {@code serverId} when valid.
   *
   * @throws InvalidServerIdException naming the id and the rule otherwise
   */
  public static String require(String serverId) {
    if (serverId == null || !VALID.matcher(serverId).matches()) {
      throw new InvalidServerIdException(
          "invalid game server id '" + serverId + "': it must match " + RULE);
    }
    return serverId;
  }
}
