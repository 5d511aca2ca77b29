package dev.gamingapi.cli.access;

import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi share delete ACCOUNT ID}: ends a share; the grantee loses access at once. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Remove a share (operator or owner); `share list` shows the ids.")
public final class ShareDeleteCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "The account that shares.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Share id (shr_...).")
  String id;

  @Override
  protected void run(RestClient client) {
    client.delete(RestClient.path("accounts", account, "shares", id));
    if (!json()) {
      out().printf("Share %s of %s deleted.%n", id, account);
    }
  }
}
