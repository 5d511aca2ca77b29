package dev.gamingapi.cli.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gamingapi oauth client-list}: the registered apps (operator). */
@Command(
    name = "client-list",
    mixinStandardHelpOptions = true,
    description = "List the registered third-party apps (operator).")
public final class ClientListCommand extends ApiCommand {
  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, "/oauth/clients");
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("CLIENT_ID", "NAME", "TYPE", "SCOPES", "REDIRECT_URIS");
    for (JsonNode app : page.path("items")) {
      table.row(
          app.path("client_id"),
          app.path("name"),
          app.path("type"),
          app.path("scopes"),
          app.path("redirect_uris"));
    }
    table.print(out());
  }
}
