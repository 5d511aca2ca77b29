package dev.gamingapi.cli.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gamingapi notification create ACCOUNT --kind discord --endpoint URL ...}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Create a notification rule (operator or owner); a webhook's secret is shown once.",
    footer = {
      "",
      "Examples:",
      "  gamingapi notification create acme --kind discord \\",
      "      --endpoint https://discord.com/api/webhooks/ID/TOKEN \\",
      "      --types server.started,server.stopped,server.unresponsive",
      "  gamingapi notification create acme --kind webhook --endpoint https://hooks.example.com/in \\",
      "      --types 'player.*' --servers eu-1 --template '{{data.name}}: {{type}}'"
    })
public final class NotificationCreateCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description = "discord (an embed) or webhook (signed JSON).")
  String kind;

  @Option(
      names = "--endpoint",
      required = true,
      paramLabel = "URL",
      description = "The Discord webhook URL or your HTTPS endpoint.")
  String url;

  @Option(names = "--name", paramLabel = "NAME", description = "A label (default: the kind).")
  String name;

  @Option(
      names = "--types",
      split = ",",
      paramLabel = "TYPE",
      description = "Event types or families (player.*), comma separated (default: all).")
  List<String> types;

  @Option(
      names = "--servers",
      split = ",",
      paramLabel = "ID",
      description = "Server ids, comma separated (default: all).")
  List<String> servers;

  @Option(
      names = "--template",
      paramLabel = "TEXT",
      description = "Message text with {{server}}, {{type}}, {{player}}, {{data.FIELD}}...")
  String template;

  @Option(names = "--rate", paramLabel = "N", description = "Requests a minute at most.")
  Integer rate;

  /** The body of {@code POST .../notifications}; options not given are left out. */
  record NewNotification(
      String kind,
      String url,
      String name,
      List<String> eventTypes,
      List<String> servers,
      String template,
      Integer ratePerMinute) {}

  @Override
  protected void run(RestClient client) {
    NewNotification body = new NewNotification(kind, url, name, types, servers, template, rate);
    JsonNode created = client.post(RestClient.path("accounts", account, "notifications"), body);
    if (json()) {
      printJson(created);
      return;
    }
    JsonNode rule = created.path("notification");
    out().printf("Notification %s created in %s.%n", rule.path("id").asText(), account);
    Table.fields(rule, out());
    if (!created.path("secret").isNull()) {
      out().printf("Signing secret (shown once): %s%n", created.path("secret").asText());
    }
  }
}
