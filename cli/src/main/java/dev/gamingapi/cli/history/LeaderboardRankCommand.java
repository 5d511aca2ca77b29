package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gamingapi history leaderboard rank ACCOUNT BOARD PLAYER [--around N]}. */
@Command(
    name = "rank",
    mixinStandardHelpOptions = true,
    description = "A player's rank and score, or the players around them.")
final class LeaderboardRankCommand extends PeriodCommand {
  @Parameters(index = "2", paramLabel = "PLAYER")
  String player;

  @Option(names = "--around", description = "Also the N players on each side.")
  Integer around;

  @Override
  JsonNode request(RestClient client) {
    if (around == null) {
      return client.get(path("players", player) + periodQuery('?'));
    }
    return client.get(path("players", player, "around") + "?n=" + around + periodQuery('&'));
  }

  @Override
  protected void run(RestClient client) {
    if (around == null) {
      super.run(client);
    } else {
      table(request(client), "rank", "player", "score");
    }
  }
}
