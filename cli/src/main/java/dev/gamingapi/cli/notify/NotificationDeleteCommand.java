package dev.gamingapi.cli.notify;

import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
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
  protected void run(RestClient client) {
    client.delete(RestClient.path("accounts", account, "notifications", id));
    if (!json()) {
      out().printf("Notification %s of %s deleted.%n", id, account);
    }
  }
}
