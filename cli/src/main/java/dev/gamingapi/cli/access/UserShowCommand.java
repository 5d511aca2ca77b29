package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi user show ACCOUNT NAME}: one user (never its secrets). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one user.")
public final class UserShowCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "NAME", description = "User name.")
  String name;

  @Override
  protected void run(RestClient client) {
    JsonNode user = client.get(RestClient.path("accounts", account, "users", name));
    if (json()) {
      printJson(user);
      return;
    }
    Table.fields(user, out());
  }
}
