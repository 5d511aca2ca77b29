package dev.gamingapi.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi command register ACCOUNT SERVER NAME --schema JSON}: lets a server take command
 * NAME, with arguments matching the schema.
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = "Register a command name for a server, with the JSON Schema of its arguments.",
    footer = {
      "",
      "Example:",
      "  gamingapi command register acme eu-1 give_item --schema"
          + " '{\"type\":\"object\",\"required\":[\"item\"]}'"
    })
public final class CommandRegisterCommand extends ApiCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "SERVER", description = "Server id.")
  String server;

  @Parameters(index = "2", paramLabel = "NAME", description = "Command name: [a-z0-9_]{1,64}.")
  String name;

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "JSON",
      description = "JSON Schema (2020-12) of the arguments, an object.")
  String schema;

  @Override
  protected void run(RestClient client) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(schema);
    } catch (JsonProcessingException e) {
      throw new ParameterException(
          spec.commandLine(), "--schema is not JSON: " + e.getOriginalMessage());
    }
    JsonNode type =
        client.put(
            RestClient.path("accounts", account, "servers", server, "command-types", name),
            Map.of("args_schema", parsed));
    if (json()) {
      printJson(type);
      return;
    }
    out().printf("Command '%s' registered for %s in %s.%n", name, server, account);
  }
}
