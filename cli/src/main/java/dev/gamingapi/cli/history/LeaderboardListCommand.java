package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi history leaderboard list ACCOUNT}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "The tenant's boards.")
final class LeaderboardListCommand extends ShowCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT")
  String account;

  @Override
  JsonNode request(RestClient client) {
    return client.get(RestClient.path("accounts", account, "leaderboards"));
  }

  @Override
  protected void run(RestClient client) {
    table(
        request(client),
        "name",
        "stat",
        "operator",
        "order",
        "server",
        "reset",
        "cron",
        "time_zone");
  }
}
