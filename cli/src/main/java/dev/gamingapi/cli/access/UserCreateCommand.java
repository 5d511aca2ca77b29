package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.sdk.rest.RestClient;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code gamingapi user create ACCOUNT NAME --kind KIND}: a user with its NATS creds and API token,
 * which are shown (or written) this once.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a user and issue its creds and token (operator or owner).",
      "The token and creds are shown once: use --creds-out to write the creds to a 0600 file."
    },
    footer = {
      "",
      "Examples:",
      "  gamingapi user create acme eu-1-host --kind game_server --server eu-1 \\",
      "    --creds-out eu-1-host.creds",
      "  gamingapi user create acme stats-site --kind app --servers eu-1 \\",
      "    --event-types 'player.*'",
      "  gamingapi user create acme mod-bot --kind app --servers eu-1 --may-send-commands",
      "  gamingapi user create acme alice --kind owner \\",
      "    --expires-at 2027-01-01T00:00:00Z"
    })
public final class UserCreateCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(
      index = "1",
      paramLabel = "NAME",
      description = "User name: [a-z0-9][a-z0-9_-]{0,62}.")
  String name;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description = "owner, game_server or app.")
  String kind;

  @Option(
      names = "--server",
      paramLabel = "ID",
      description = "game_server: its server (required).")
  String server;

  @Option(
      names = "--servers",
      split = ",",
      paramLabel = "ID",
      description = "app: the servers it may read (default: all).")
  List<String> servers;

  @Option(
      names = "--event-types",
      split = ",",
      paramLabel = "TYPE",
      description = "app: the event types it may read, e.g. player.* (default: all).")
  List<String> eventTypes;

  @Option(
      names = "--may-send-commands",
      description = "app: may send commands to the servers it may read (default: no).")
  boolean maySendCommands;

  @Option(
      names = "--expires-at",
      paramLabel = "TIME",
      description = "When its creds and token stop working (RFC 3339; default: never).")
  String expiresAt;

  @Option(
      names = "--creds-out",
      paramLabel = "FILE",
      description = "Write the creds to FILE (mode 0600) instead of printing them.")
  Path credsOut;

  /**
   * The body of {@code POST .../users}; options not given are left out ({@code may_send_commands}
   * is sent only when true).
   */
  record NewUser(
      String name,
      String kind,
      String server,
      List<String> servers,
      List<String> eventTypes,
      Boolean maySendCommands,
      String expiresAt) {}

  @Override
  protected void run(RestClient client) {
    NewUser body =
        new NewUser(
            name,
            kind,
            server,
            servers,
            eventTypes,
            maySendCommands ? true : null,
            expiresAt == null ? null : utc(expiresAt));
    CredsOutput output = new CredsOutput(credsOut);
    output.check();
    JsonNode issued = client.post(RestClient.path("accounts", account, "users"), body);
    output.deliver(issued, out(), json(), "created in " + account);
  }

  /** The time in UTC, the form the API documents, whatever offset it was given with. */
  private String utc(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toString();
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--expires-at '" + text + "' is not an RFC 3339 time like 2027-01-01T00:00:00Z");
    }
  }
}
