package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gamingapi account list}: every account the token may see, oldest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List accounts (the operator sees all, a user its own).")
public final class AccountListCommand extends ApiCommand {
  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, "/accounts");
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("NAME", "PLAN", "CREATED", "DESCRIPTION");
    for (JsonNode account : page.path("items")) {
      table.row(
          account.path("name"),
          account.path("plan"),
          account.path("created_at"),
          account.path("description"));
    }
    table.print(out());
  }
}
