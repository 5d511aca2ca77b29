package dev.gamingapi.cli.oauth;

import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi oauth client-delete CLIENT_ID}: deletes an app and revokes all its grants. */
@Command(
    name = "client-delete",
    mixinStandardHelpOptions = true,
    description = "Delete a third-party app (operator); every grant it holds is revoked.")
public final class ClientDeleteCommand extends ApiCommand {
  @Parameters(paramLabel = "CLIENT_ID", description = "The app's client id (cli_...).")
  String clientId;

  @Override
  protected void run(RestClient client) {
    client.delete(RestClient.path("oauth", "clients", clientId));
    if (!json()) {
      out().printf("App %s deleted; its grants are revoked.%n", clientId);
    }
  }
}
