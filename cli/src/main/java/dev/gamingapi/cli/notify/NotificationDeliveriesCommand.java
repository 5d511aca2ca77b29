package dev.gamingapi.cli.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gamingapi notification deliveries ACCOUNT ID}: the rule's delivery log, newest first. */
@Command(
    name = "deliveries",
    mixinStandardHelpOptions = true,
    description = "A rule's delivery log, newest first: one line per attempt.")
public final class NotificationDeliveriesCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Rule id (ntf_...).")
  String id;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page =
        list.fetch(client, RestClient.path("accounts", account, "notifications", id, "deliveries"));
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("AT", "EVENT", "TYPE", "ATTEMPT", "OUTCOME", "HTTP", "EXCERPT");
    for (JsonNode entry : page.path("items")) {
      String excerpt = entry.path("excerpt").asText();
      table.row(
          entry.path("at"),
          entry.path("event_id"),
          entry.path("event_type"),
          entry.path("attempt"),
          entry.path("outcome"),
          entry.path("http_status").isNull() ? "-" : entry.path("http_status"),
          excerpt.length() > 60 ? excerpt.substring(0, 60) + "…" : excerpt);
    }
    table.print(out());
  }
}
