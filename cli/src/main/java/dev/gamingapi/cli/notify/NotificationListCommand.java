package dev.gamingapi.cli.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gamingapi notification list ACCOUNT}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List an account's notification rules and their status.")
public final class NotificationListCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, RestClient.path("accounts", account, "notifications"));
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("ID", "NAME", "KIND", "STATUS", "TYPES", "SERVERS", "URL");
    for (JsonNode rule : page.path("items")) {
      table.row(
          rule.path("id"),
          rule.path("name"),
          rule.path("kind"),
          rule.path("status"),
          rule.path("event_types"),
          rule.path("servers"),
          rule.path("url"));
    }
    table.print(out());
  }
}
