package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gamingapi share list ACCOUNT}: the shares an account granted. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the shares an account granted (operator or owner).")
public final class ShareListCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, RestClient.path("accounts", account, "shares"));
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("ID", "GRANTEE", "SERVERS", "CREATED");
    for (JsonNode share : page.path("items")) {
      table.row(
          share.path("id"), share.path("grantee"), share.path("servers"), share.path("created_at"));
    }
    table.print(out());
  }
}
