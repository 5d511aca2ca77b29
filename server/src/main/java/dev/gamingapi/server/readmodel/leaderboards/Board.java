package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.server.common.InvalidRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * A leaderboard's definition.
 *
 * @param stat {@code kills}, {@code deaths}, {@code play_time} (seconds) or {@code scored.<stat>}
 *     (the values of {@code player.scored} events of that stat)
 * @param operator how values combine into a score: best, set, incr, decr
 * @param order {@code desc} (highest first) or {@code asc}
 * @param server the one server counted, or null for every server of the tenant
 * @param reset {@code none}, {@code daily}, {@code weekly} (from Monday), {@code monthly} or {@code
 *     cron}
 * @param cron the five-field cron schedule that starts periods when {@code reset} is {@code cron},
 *     else null
 * @param timeZone the IANA zone in which periods start
 */
public record Board(
    String name,
    String stat,
    String operator,
    String order,
    String server,
    String reset,
    String cron,
    String timeZone,
    Instant createdAt) {
  private static final Set<String> OPERATORS = Set.of("best", "set", "incr", "decr");
  private static final Set<String> RESETS = Set.of("none", "daily", "weekly", "monthly", "cron");

  /** A definition with defaults filled in, checked field by field. */
  public static Board of(
      String name,
      String stat,
      String operator,
      String order,
      String server,
      String reset,
      String cron,
      String timeZone,
      Instant createdAt) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
      throw new InvalidRequestException("name", "must be 1 to 63 characters from a-z 0-9 _ -");
    }
    if (stat == null
        || !(stat.equals("kills")
            || stat.equals("deaths")
            || stat.equals("play_time")
            || stat.matches("scored\\.[a-z0-9_]{1,64}"))) {
      throw new InvalidRequestException(
          "stat", "must be kills, deaths, play_time or scored.<stat> (a-z 0-9 _)");
    }
    String op = operator == null ? "incr" : operator;
    if (!OPERATORS.contains(op)) {
      throw new InvalidRequestException("operator", "must be one of best, set, incr, decr");
    }
    String ord = order == null ? "desc" : order;
    if (!ord.equals("desc") && !ord.equals("asc")) {
      throw new InvalidRequestException("order", "must be desc or asc");
    }
    if (server != null && !Ids.isValid(server)) {
      throw new InvalidRequestException("server", Ids.ID_RULE);
    }
    String rst = reset == null ? (cron == null ? "none" : "cron") : reset;
    if (!RESETS.contains(rst)) {
      throw new InvalidRequestException("reset", "must be none, daily, weekly, monthly or cron");
    }
    if (rst.equals("cron") != (cron != null)) {
      throw new InvalidRequestException(
          "cron", "is required with reset cron, and only then (a schedule such as '0 18 * * 5')");
    }
    if (cron != null) {
      if (cron.length() > 128) {
        throw new InvalidRequestException("cron", "must be at most 128 characters");
      }
      try {
        CronSchedule.parse(cron);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("cron", e.getMessage());
      }
    }
    String zone = timeZone == null ? "UTC" : timeZone;
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          "time_zone", "must be an IANA time zone such as Europe/Paris");
    }
    String schedule = cron == null ? null : CronSchedule.parse(cron).text();
    return new Board(name, stat, op, ord, server, rst, schedule, zone, createdAt);
  }

  /** Whether two definitions count the same scores (the creation time aside). */
  boolean sameRules(Board other) {
    return stat.equals(other.stat)
        && operator.equals(other.operator)
        && order.equals(other.order)
        && Objects.equals(server, other.server)
        && reset.equals(other.reset)
        && Objects.equals(cron, other.cron)
        && timeZone.equals(other.timeZone);
  }

  /** Whether events of game server {@code serverId} count on this board (its scope). */
  boolean covers(String serverId) {
    return server == null || server.equals(serverId);
  }

  /** The period of {@code at}. */
  public String period(Instant at) {
    return Periods.key(this, at);
  }
}
