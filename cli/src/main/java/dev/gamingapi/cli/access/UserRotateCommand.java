package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi user rotate ACCOUNT NAME}: new creds and token for a user; the old ones stop
 * working.
 */
@Command(
    name = "rotate",
    mixinStandardHelpOptions = true,
    description = "Issue new creds and a new token; the old ones are revoked (operator or owner).",
    footer = {"", "Example:", "  gamingapi user rotate acme eu-1-host --creds-out eu-1-host.creds"})
public final class UserRotateCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "NAME", description = "User name.")
  String name;

  @Option(
      names = "--creds-out",
      paramLabel = "FILE",
      description = "Write the new creds to FILE (mode 0600) instead of printing them.")
  Path credsOut;

  @Override
  protected void run(RestClient client) {
    CredsOutput output = new CredsOutput(credsOut);
    output.check();
    JsonNode issued =
        client.post(RestClient.path("accounts", account, "users", name, "rotate"), null);
    output.deliver(issued, out(), json(), "rotated: the old creds and token no longer work");
  }
}
