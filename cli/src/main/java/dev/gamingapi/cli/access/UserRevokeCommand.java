package dev.gamingapi.cli.access;

import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi user revoke ACCOUNT NAME}: the user's connections drop and its token is refused;
 * it stays listed as revoked, for the record.
 */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke a user's creds and token at once (operator or owner).")
public final class UserRevokeCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "NAME", description = "User name.")
  String name;

  @Override
  protected void run(RestClient client) {
    client.delete(RestClient.path("accounts", account, "users", name));
    if (!json()) {
      out()
          .printf(
              "User '%s' revoked: its connections drop and its token is refused within a second.%n",
              name);
    }
  }
}
