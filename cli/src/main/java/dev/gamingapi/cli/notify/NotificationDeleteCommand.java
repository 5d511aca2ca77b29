package dev.gamingapi.cli.notify;

import dev.gamingapi.cli.api.ApiClient;
import dev.gamingapi.cli.api.ApiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi notification delete ACCOUNT ID}. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a rule and its delivery log (operator or owner).")
public final class NotificationDeleteCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Rule id (ntf_...).")
  String id;

  @Override
  protected void run(ApiClient client) {
    client.send("DELETE", ApiClient.path("accounts", account, "notifications", id), null);
    if (!json()) {
      out().printf("Notification %s of %s deleted.%n", id, account);
    }
  }
}
