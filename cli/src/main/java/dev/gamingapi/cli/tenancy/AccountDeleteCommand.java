package dev.gamingapi.cli.tenancy;

import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi account delete NAME --confirm NAME}: deletes an account with its streams, keys
 * and users. The name is typed twice on purpose, and the API checks that they match.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete an account: disconnects its users, deletes its events, keys and users.",
      "Operator only; cannot be undone."
    },
    footer = {"", "Example:", "  gamingapi account delete acme --confirm acme"})
public final class AccountDeleteCommand extends ApiCommand {
  @Parameters(paramLabel = "NAME", description = "Account name.")
  String name;

  @Option(
      names = "--confirm",
      paramLabel = "NAME",
      required = true,
      description = "The account name again, to confirm.")
  String confirm;

  @Override
  protected void run(RestClient client) {
    client.delete(RestClient.path("accounts", name) + "?confirm=" + RestClient.query(confirm));
    if (!json()) {
      out().printf("Account '%s' deleted.%n", name);
    }
  }
}
