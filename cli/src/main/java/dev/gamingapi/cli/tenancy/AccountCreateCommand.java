package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.cli.api.ApiClient;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
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

  @Override
  protected void run(ApiClient client) {
    ObjectNode body = ApiClient.object().put("name", name).put("plan", plan);
    if (description != null) {
      body.put("description", description);
    }
    JsonNode account = client.send("POST", "/accounts", body);
    if (json()) {
      printJson(account);
      return;
    }
    out().printf("Account '%s' created on plan %s.%n", name, account.path("plan").asText());
    Table.fields(account, out());
  }
}
