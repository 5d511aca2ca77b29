package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gamingapi account create NAME --plan PLAN}: a new tenant (operator only). */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = "Create an account on a plan (operator only).",
    footer = {
      "",
      "Example:",
      "  gamingapi account create acme --plan standard --description 'ACME'"
    })
public final class AccountCreateCommand extends ApiCommand {
  @Parameters(paramLabel = "NAME", description = "Account name: [a-z0-9][a-z0-9_-]{0,62}.")
  String name;

  @Option(names = "--plan", required = true, description = "Plan name (see `gamingapi plan list`).")
  String plan;

  @Option(names = "--description", paramLabel = "TEXT", description = "Free text.")
  String description;

  /** The body of {@code POST /accounts}; a null description is left out. */
  record NewAccount(String name, String plan, String description) {}

  @Override
  protected void run(RestClient client) {
    JsonNode account = client.post("/accounts", new NewAccount(name, plan, description));
    if (json()) {
      printJson(account);
      return;
    }
    out().printf("Account '%s' created on plan %s.%n", name, account.path("plan").asText());
    Table.fields(account, out());
  }
}
