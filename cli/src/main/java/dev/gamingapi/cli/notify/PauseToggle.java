package dev.gamingapi.cli.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.Map;
import picocli.CommandLine.Parameters;

/** Pausing and resuming a rule: the same PATCH with {@code paused} true or false. */
abstract class PauseToggle extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Rule id (ntf_...).")
  String id;

  /** True to pause, false to resume. */
  abstract boolean paused();

  @Override
  protected void run(RestClient client) {
    JsonNode rule =
        client.patch(
            RestClient.path("accounts", account, "notifications", id), Map.of("paused", paused()));
    if (json()) {
      printJson(rule);
      return;
    }
    out().printf("Notification %s of %s is %s.%n", id, account, rule.path("status").asText());
  }
}
