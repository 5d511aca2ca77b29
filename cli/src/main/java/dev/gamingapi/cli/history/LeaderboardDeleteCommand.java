package dev.gamingapi.cli.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiClient;
import picocli.CommandLine.Command;

/** {@code gamingapi history leaderboard delete ACCOUNT BOARD}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a board with the scores of all its periods.")
final class LeaderboardDeleteCommand extends BoardCommand {
  @Override
  JsonNode request(ApiClient client) {
    return client.send("DELETE", path(), null);
  }

  @Override
  protected void run(ApiClient client) {
    request(client);
    if (!json()) {
      out().printf("Leaderboard %s of %s deleted.%n", board, account);
    }
  }
}
