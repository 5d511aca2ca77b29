package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.cli.api.ApiClient;
import dev.gamingapi.cli.api.ApiCommand;
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

  @Override
  protected void run(ApiClient client) {
    ObjectNode body = ApiClient.object().put("name", name).put("kind", kind);
    if (server != null) {
      body.put("server", server);
    }
    if (servers != null) {
      servers.forEach(body.putArray("servers")::add);
    }
    if (eventTypes != null) {
      eventTypes.forEach(body.putArray("event_types")::add);
    }
    if (maySendCommands) {
      body.put("may_send_commands", true);
    }
    if (expiresAt != null) {
      body.put("expires_at", utc(expiresAt));
    }
    CredsOutput output = new CredsOutput(credsOut);
    output.check();
    JsonNode issued = client.send("POST", ApiClient.path("accounts", account, "users"), body);
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
