package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.cli.api.ApiClient;
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

  @Override
  JsonNode request(ApiClient client) {
    ObjectNode body = ApiClient.object().put("stat", stat);
    putIf(body, "operator", operator);
    putIf(body, "order", order);
    putIf(body, "server", server);
    putIf(body, "reset", reset);
    putIf(body, "cron", cron);
    putIf(body, "time_zone", timeZone);
    return client.send("PUT", path(), body);
  }

  private static void putIf(ObjectNode body, String name, String value) {
    if (value != null) {
      body.put(name, value);
    }
  }
}
