package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gamingapi account show NAME}: one account's fields. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one account.")
public final class AccountShowCommand extends ApiCommand {
  @Parameters(paramLabel = "NAME", description = "Account name.")
  String name;

  @Override
  protected void run(RestClient client) {
    JsonNode account = client.get(RestClient.path("accounts", name));
    if (json()) {
      printJson(account);
      return;
    }
    Table.fields(account, out());
  }
}
