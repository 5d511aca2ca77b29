package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gamingapi history leaderboard top ACCOUNT BOARD}. */
@Command(name = "top", mixinStandardHelpOptions = true, description = "The board in rank order.")
final class LeaderboardTopCommand extends PeriodCommand {
  @Option(names = "--limit", defaultValue = "10", description = "How many (pages of 200).")
  int limit;

  @Override
  JsonNode request(RestClient client) {
    return client.list(path("entries") + periodQuery('?'), limit, RestClient.MAX_PAGE);
  }

  @Override
  protected void run(RestClient client) {
    table(request(client), "rank", "player", "score");
  }
}
