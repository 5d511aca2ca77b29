package dev.gamingapi.cli.access;

import dev.gamingapi.cli.api.ApiClient;
import dev.gamingapi.cli.api.ApiCommand;
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
  protected void run(ApiClient client) {
    client.send("DELETE", ApiClient.path("accounts", account, "shares", id), null);
    if (!json()) {
      out().printf("Share %s of %s deleted.%n", id, account);
    }
  }
}
