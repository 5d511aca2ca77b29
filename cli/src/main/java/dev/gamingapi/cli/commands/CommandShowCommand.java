package dev.gamingapi.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi command show ACCOUNT SERVER ID}: one command and its status. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one command.")
public final class CommandShowCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "SERVER", description = "Server id.")
  String server;

  @Parameters(index = "2", paramLabel = "ID", description = "Command id.")
  String id;

  @Override
  protected void run(RestClient client) {
    JsonNode command =
        client.get(RestClient.path("accounts", account, "servers", server, "commands", id));
    if (json()) {
      printJson(command);
      return;
    }
    Table.fields(command, out());
  }
}
