package dev.gamingapi.cli.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi notification test ACCOUNT ID}: sends a test notification now; exits 1 when the
 * endpoint did not take it, so that scripts can check a rule.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = "Send a test notification now and print what the endpoint answered.")
public final class NotificationTestCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "ID", description = "Rule id (ntf_...).")
  String id;

  @Override
  protected void run(RestClient client) {
    JsonNode delivery =
        client.post(RestClient.path("accounts", account, "notifications", id, "test"), null);
    if (json()) {
      printJson(delivery);
    } else {
      out()
          .printf(
              "Test %s: HTTP %s %s%n",
              delivery.path("outcome").asText(),
              delivery.path("http_status").isNull() ? "-" : delivery.path("http_status").asText(),
              delivery.path("excerpt").asText());
    }
    if (!delivery.path("outcome").asText().equals("delivered")) {
      throw new IllegalStateException("the endpoint did not take the test notification");
    }
  }
}
