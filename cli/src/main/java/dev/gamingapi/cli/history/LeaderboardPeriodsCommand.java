package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;

/** {@code gamingapi history leaderboard periods ACCOUNT BOARD}. */
@Command(
    name = "periods",
    mixinStandardHelpOptions = true,
    description = "The periods with scores, newest first.")
final class LeaderboardPeriodsCommand extends BoardCommand {
  @Override
  JsonNode request(RestClient client) {
    return client.get(path("periods"));
  }

  @Override
  protected void run(RestClient client) {
    JsonNode answer = request(client);
    if (json()) {
      printJson(answer);
      return;
    }
    answer.path("periods").forEach(period -> out().println(period.asText()));
  }
}
