package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;

/** {@code gamingapi history leaderboard show ACCOUNT BOARD}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "A board's definition.")
final class LeaderboardShowCommand extends BoardCommand {
  @Override
  JsonNode request(RestClient client) {
    return client.get(path());
  }
}
