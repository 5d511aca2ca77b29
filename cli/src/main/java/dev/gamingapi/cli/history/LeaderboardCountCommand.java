package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiClient;
import picocli.CommandLine.Command;

/** {@code gamingapi history leaderboard count ACCOUNT BOARD}. */
@Command(name = "count", mixinStandardHelpOptions = true, description = "Players ranked.")
final class LeaderboardCountCommand extends BoardCommand {
  @Override
  JsonNode request(ApiClient client) {
    return client.get(path("count") + periodQuery('?'));
  }
}
