package dev.gamingapi.cli.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gamingapi oauth grants ACCOUNT}: what the account's owners gave apps. */
@Command(
    name = "grants",
    mixinStandardHelpOptions = true,
    description = "List the apps an account authorized, revoked ones included (owner).")
public final class GrantListCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, RestClient.path("accounts", account, "oauth", "grants"));
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("ID", "APP", "SCOPE", "GIVEN", "LAST_USED", "REVOKED");
    for (JsonNode grant : page.path("items")) {
      table.row(
          grant.path("id"),
          grant.path("client_name"),
          grant.path("scope"),
          grant.path("created_at"),
          grant.path("last_used_at"),
          grant.path("revoked_at"));
    }
    table.print(out());
  }
}
