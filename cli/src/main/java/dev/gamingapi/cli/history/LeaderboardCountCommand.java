package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;

/** {@code gamingapi history leaderboard count ACCOUNT BOARD}. */
@Command(name = "count", mixinStandardHelpOptions = true, description = "Players ranked.")
final class LeaderboardCountCommand extends PeriodCommand {
  @Override
  JsonNode request(RestClient client) {
    return client.get(path("count") + periodQuery('?'));
  }
}
