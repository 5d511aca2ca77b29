package dev.gamingapi.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi command types ACCOUNT SERVER}: the command names registered for a server. */
@Command(
    name = "types",
    mixinStandardHelpOptions = true,
    description = "List the command names registered for a server, with their argument schemas.")
public final class CommandTypesCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "SERVER", description = "Server id.")
  String server;

  @Override
  protected void run(RestClient client) {
    JsonNode list =
        client.get(RestClient.path("accounts", account, "servers", server, "command-types"));
    if (json()) {
      printJson(list);
      return;
    }
    Table table = Table.of("NAME", "REGISTERED", "ARGS SCHEMA");
    for (JsonNode type : list.path("items")) {
      table.row(type.path("name"), type.path("created_at"), type.path("args_schema").toString());
    }
    table.print(out());
  }
}
