package dev.gamingapi.cli.servers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi server show ACCOUNT ID}: one game server. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one game server.")
public final class ServerShowCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Server id.")
  String id;

  @Override
  protected void run(RestClient client) {
    JsonNode server = client.get(RestClient.path("accounts", account, "servers", id));
    if (json()) {
      printJson(server);
      return;
    }
    Table.fields(server, out());
  }
}
