package dev.gamingapi.cli.oauth;

import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi oauth revoke ACCOUNT GRANT}: ends an app's access to the account at once. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description =
        "Revoke what an owner gave an app (owner): its REST access ends and its NATS"
            + " connections drop within a second.")
public final class GrantRevokeCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "GRANT", description = "Grant id (grt_...).")
  String grant;

  @Override
  protected void run(RestClient client) {
    client.delete(RestClient.path("accounts", account, "oauth", "grants", grant));
    if (!json()) {
      out().printf("Grant %s of %s revoked.%n", grant, account);
    }
  }
}
