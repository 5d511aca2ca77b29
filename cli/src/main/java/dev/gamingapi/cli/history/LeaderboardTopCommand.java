package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gamingapi history leaderboard top ACCOUNT BOARD}. */
@Command(name = "top", mixinStandardHelpOptions = true, description = "The board in rank order.")
final class LeaderboardTopCommand extends BoardCommand {
  @Option(names = "--limit", defaultValue = "10", description = "How many (pages of 200).")
  int limit;

  @Override
  JsonNode request(ApiClient client) {
    return client.list(path("entries") + periodQuery('?'), limit, ApiClient.MAX_PAGE);
  }

  @Override
  protected void run(ApiClient client) {
    table(request(client), "rank", "player", "score");
  }
}
