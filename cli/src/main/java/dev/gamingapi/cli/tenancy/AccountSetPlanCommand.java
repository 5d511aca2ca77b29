package dev.gamingapi.cli.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi account set-plan NAME PLAN}: moves an account to another plan; the API applies
 * the new limits to the broker at once.
 */
@Command(
    name = "set-plan",
    mixinStandardHelpOptions = true,
    description = "Move an account to another plan, effective at once (operator only).",
    footer = {"", "Example:", "  gamingapi account set-plan acme pro"})
public final class AccountSetPlanCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "Account name.")
  String name;

  @Parameters(index = "1", paramLabel = "PLAN", description = "The new plan.")
  String plan;

  @Override
  protected void run(RestClient client) {
    JsonNode account = client.patch(RestClient.path("accounts", name), Map.of("plan", plan));
    if (json()) {
      printJson(account);
      return;
    }
    out().printf("Account '%s' is now on plan %s.%n", name, account.path("plan").asText());
    Table.fields(account, out());
  }
}
