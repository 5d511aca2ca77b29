package dev.gamingapi.cli.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.cli.api.ApiCommand;
import dev.gamingapi.cli.api.ListOptions;
import dev.gamingapi.cli.api.Table;
import dev.gamingapi.sdk.rest.RestClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gamingapi user list ACCOUNT}: every user, revoked ones included, oldest first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List users, revoked ones included (operator or owner).")
public final class UserListCommand extends ApiCommand {
  @Parameters(paramLabel = "ACCOUNT", description = "Account name.")
  String account;

  @Mixin ListOptions list;

  @Override
  protected void run(RestClient client) {
    JsonNode page = list.fetch(client, RestClient.path("accounts", account, "users"));
    if (json()) {
      printJson(page);
      return;
    }
    Table table = Table.of("NAME", "KIND", "STATUS", "SCOPE", "CREATED", "EXPIRES");
    for (JsonNode user : page.path("items")) {
      table.row(
          user.path("name"),
          user.path("kind"),
          status(user),
          scope(user),
          user.path("created_at"),
          user.path("expires_at"));
    }
    table.print(out());
  }

  private static String status(JsonNode user) {
    if (user.path("revoked_at").isTextual()) {
      return "revoked";
    }
    JsonNode expires = user.path("expires_at");
    try {
      return expires.isTextual() && !Instant.parse(expires.asText()).isAfter(Instant.now())
          ? "expired"
          : "active";
    } catch (DateTimeParseException e) {
      return "active";
    }
  }

  /** What the user may reach, in words: the API leaves empty lists meaning "all". */
  private static String scope(JsonNode user) {
    return switch (user.path("kind").asText()) {
      case "game_server" -> "server " + user.path("server").asText();
      case "app" ->
          (user.path("servers").isEmpty()
                  ? "all servers"
                  : "servers " + Table.text(user.path("servers")))
              + ", "
              + (user.path("event_types").isEmpty()
                  ? "all types"
                  : "types " + Table.text(user.path("event_types")))
              + (user.path("may_send_commands").asBoolean() ? ", sends commands" : "");
      case "owner" -> "whole account";
      default -> "-";
    };
  }
}
