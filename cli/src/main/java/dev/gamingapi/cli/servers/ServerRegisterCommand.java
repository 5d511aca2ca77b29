package dev.gamingapi.cli.servers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi server register ACCOUNT ID}: registers a game server, so that a game_server user
 * can be bound to it.
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = "Register a game server in an account (operator or owner).",
    footer = {"", "Example:", "  gamingapi server register acme eu-1 --name 'EU #1'"})
public final class ServerRegisterCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Server id: [A-Za-z0-9_-]{1,64}.")
  String id;

  @Option(names = "--name", paramLabel = "TEXT", description = "A name for people.")
  String name;

  /** The body of {@code POST .../servers}; a null name is left out. */
  record NewServer(String id, String name) {}

  @Override
  protected void run(RestClient client) {
    JsonNode server =
        client.post(RestClient.path("accounts", account, "servers"), new NewServer(id, name));
    if (json()) {
      printJson(server);
      return;
    }
    out().printf("Server '%s' registered in %s.%n", id, account);
    Table.fields(server, out());
  }
}
