package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gamingapi audit ACCOUNT}: the account's control-plane changes, newest first. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Show an account's audit log, newest first (operator or owner).",
    footer = {"", "Example:", "  gamingapi audit acme --limit 20"})
public final class AuditCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, RestClient.path("accounts", account, "audit"));
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("ID", "AT", "ACTOR", "ACTION", "TARGET", "FROM", "DETAIL");
    for (JsonNode entry : page.path("items")) {
      table.row(
          entry.path("id"),
          entry.path("at"),
          entry.path("actor"),
          entry.path("action"),
          entry.path("target"),
          entry.path("remote_address"),
          entry.path("detail"));
    }
    table.print(out());
  }
}
