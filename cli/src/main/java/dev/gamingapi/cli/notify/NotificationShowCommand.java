package dev.gamingapi.cli.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi notification show ACCOUNT ID}. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Show a rule: status, failing since, paused and why.")
public final class NotificationShowCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Rule id (ntf_...).")
  String id;

  @Override
  protected void run(RestClient client) {
    JsonNode rule = client.get(RestClient.path("accounts", account, "notifications", id));
    if (json()) {
      printJson(rule);
      return;
    }
    Table.fields(rule, out());
  }
}
