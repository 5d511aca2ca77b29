package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gamingapi history leaderboard define ACCOUNT BOARD --stat ...}. */
@Command(name = "define", mixinStandardHelpOptions = true, description = "Define a leaderboard.")
final class LeaderboardDefineCommand extends BoardCommand {
  @Option(
      names = "--stat",
      required = true,
      description = "kills, deaths, play_time, scored.<stat>")
  String stat;

  @Option(names = "--operator", description = "best, set, incr (default), decr")
  String operator;

  @Option(names = "--order", description = "desc (default) or asc")
  String order;

  @Option(names = "--server", description = "One server only.")
  String server;

  @Option(names = "--reset", description = "none (default), daily, weekly, monthly, cron")
  String reset;

  @Option(
      names = "--cron",
      description = "With --reset cron (implied): five fields, e.g. '0 18 * * fri'.")
  String cron;

  @Option(names = "--time-zone", description = "IANA zone of the resets (default UTC).")
  String timeZone;

  /** The body of {@code PUT .../leaderboards/BOARD}; options not given are left out. */
  record Definition(
      String stat,
      String operator,
      String order,
      String server,
      String reset,
      String cron,
      String timeZone) {}

  @Override
  JsonNode request(RestClient client) {
    return client.put(path(), new Definition(stat, operator, order, server, reset, cron, timeZone));
  }
}
