package dev.gamingapi.cli.servers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gamingapi server list ACCOUNT}: the account's game servers, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List game servers.")
public final class ServerListCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, RestClient.path("accounts", account, "servers"));
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("ID", "NAME", "CREATED");
    for (JsonNode server : page.path("items")) {
      table.row(server.path("id"), server.path("name"), server.path("created_at"));
    }
    table.print(out());
  }
}
