package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi history leaderboard list ACCOUNT}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "The tenant's boards.")
final class LeaderboardListCommand extends ShowCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT")
  String account;

  @Override
  JsonNode request(ApiClient client) {
    return client.get(ApiClient.path("accounts", account, "leaderboards"));
  }

  @Override
  protected void run(ApiClient client) {
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
