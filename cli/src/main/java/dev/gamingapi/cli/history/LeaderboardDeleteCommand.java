package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;

/** {@code gamingapi history leaderboard delete ACCOUNT BOARD}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a board with the scores of all its periods.")
final class LeaderboardDeleteCommand extends BoardCommand {
  @Override
  JsonNode request(RestClient client) {
    return client.delete(path());
  }

  @Override
  protected void run(RestClient client) {
    request(client);
    if (!json()) {
      out().printf("Leaderboard %s of %s deleted.%n", board, account);
    }
  }
}
