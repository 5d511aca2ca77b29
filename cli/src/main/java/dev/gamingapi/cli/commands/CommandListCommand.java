package dev.gamingapi.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gamingapi command list ACCOUNT SERVER}: a server's command history, newest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List a server's commands, newest first.",
    footer = {"", "Example:", "  gamingapi command list acme eu-1 --status failed --limit 20"})
public final class CommandListCommand extends ApiCommand {
  @Parameters(index = "0", paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Parameters(index = "1", paramLabel = "SERVER", description = "Server id.")
  String server;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Only queued, delivered, succeeded, failed or expired commands.")
  String status;

  @Option(names = "--name", paramLabel = "NAME", description = "Only commands of this name.")
  String name;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description = "Only commands sent at or after this RFC 3339 time.")
  String since;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    List<String> filters = new ArrayList<>();
    if (status != null) {
      filters.add("status=" + RestClient.query(status));
    }
    if (name != null) {
      filters.add("name=" + RestClient.query(name));
    }
    if (since != null) {
      filters.add("since=" + RestClient.query(since));
    }
    String path = RestClient.path("accounts", account, "servers", server, "commands");
    if (!filters.isEmpty()) {
      path += "?" + String.join("&", filters);
    }
    JsonNode page = list.fetch(client, path);
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("ID", "NAME", "STATUS", "CREATED", "RESULT");
    for (JsonNode command : page.path("items")) {
      table.row(
          command.path("id"),
          command.path("name"),
          command.path("status"),
          command.path("created_at"),
          CommandSendCommand.outcome(command));
    }
    table.print(out());
  }
}
