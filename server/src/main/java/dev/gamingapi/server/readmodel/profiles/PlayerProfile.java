package dev.gamingapi.server.readmodel.profiles;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A player's profile as the API answers it.
 *
 * @param onlineOn servers the player has an open session on
 * @param sessions closed sessions
 * @param playTimeSeconds the total of the closed sessions
 * @param kd kills per death (kills when the player never died)
 * @param stats the totals of each {@code player.scored} stat
 * @param names every name the player connected with, oldest first
 * @param servers every server the player was seen on
 */
public record PlayerProfile(
    String player,
    String name,
    Instant firstSeen,
    Instant lastSeen,
    List<String> onlineOn,
    long sessions,
    long playTimeSeconds,
    long kills,
    long deaths,
    double kd,
    long chatMessages,
    Map<String, Double> stats,
    List<Seen> names,
    List<Seen> servers) {

  /** A name or a server, with when it was first and last seen. */
  public record Seen(String value, Instant firstSeen, Instant lastSeen) {}

  /** A search hit. */
  public record Summary(String player, String name, Instant lastSeen) {}
}
