package dev.gamingapi.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.server.access.User;
import dev.gamingapi.server.access.UserKind;
import dev.gamingapi.server.commands.CommandSpec;
import dev.gamingapi.server.commands.CommandTooLargeException;
import dev.gamingapi.server.commands.Commands;
import dev.gamingapi.server.common.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Commands to one game server: send, look one up, a server's history. An owner, the operator or an
 * app granted {@code may_send_commands} (to the servers it may read) sends; every reader of the
 * account (owner, operator, app) may follow them.
 */
final class CommandRoutes {
  private static final String SERVER = "/api/v1/accounts/{account}/servers/{server}";

  private final Commands commands;

  CommandRoutes(Commands commands) {
    this.commands = commands;
  }

  record SendCommand(
      String name,
      JsonNode args,
      Long ttlSeconds,
      Instant notBefore,
      Instant expiresAt,
      String idempotencyKey) {}

  record RegisterType(JsonNode argsSchema) {}

  void register(RoutesConfig routes) {
    routes.put(SERVER + "/command-types/{name}", this::registerType);
    routes.get(SERVER + "/command-types", this::listTypes);
    routes.delete(SERVER + "/command-types/{name}", this::deleteType);
    routes.post(SERVER + "/commands", this::send);
    routes.get(SERVER + "/commands", this::history);
    routes.get(SERVER + "/commands/{command}", this::get);
    routes.exception(
        CommandTooLargeException.class,
        (e, ctx) ->
            ctx.status(413)
                .contentType(Problem.CONTENT_TYPE)
                .result(
                    write(
                        Problem.of(
                            413,
                            "payload-too-large",
                            "Payload too large",
                            e.getMessage(),
                            ctx.path()))));
  }

  private void send(Context ctx) {
    String account = ctx.pathParam("account");
    String server = ctx.pathParam("server");
    requireSender(Requests.caller(ctx), account, server);
    SendCommand body = Requests.body(ctx, SendCommand.class);
    CommandSpec spec =
        new CommandSpec(
            body.name(),
            body.args(),
            body.ttlSeconds(),
            body.notBefore(),
            body.expiresAt(),
            body.idempotencyKey());
    Commands.Sent sent = commands.send(account, server, spec);
    ctx.status(sent.queued() ? 202 : 200)
        .header(
            "Location",
            "/api/v1/accounts/"
                + account
                + "/servers/"
                + server
                + "/commands/"
                + sent.command().id())
        .json(sent.command());
  }

  /**
   * An app needs the right and, when its {@code servers} scope is not empty, the server in it. Out
   * of scope is 403, not 404: the app may list the account's servers anyway, so there is nothing to
   * hide; another tenant's caller still gets 404 from {@link Caller#requireAccount}.
   */
  private static void requireSender(Caller caller, String account, String server) {
    caller.requireAccount(account);
    if (caller.isOperator() || caller.user().kind() == UserKind.OWNER) {
      return;
    }
    User user = caller.user();
    if (user.kind() != UserKind.APP || !user.maySendCommands()) {
      throw ApiException.forbidden(
          "only an owner, the operator or an app granted may_send_commands may send commands");
    }
    if (!user.servers().isEmpty() && !user.servers().contains(server)) {
      throw ApiException.forbidden(
          "app '"
              + user.name()
              + "' may only send commands to "
              + String.join(", ", user.servers()));
    }
  }

  private void registerType(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    RegisterType body = Requests.body(ctx, RegisterType.class);
    ctx.json(
        commands.registerType(
            account, ctx.pathParam("server"), ctx.pathParam("name"), body.argsSchema()));
  }

  private void listTypes(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    ctx.json(new Page<>(commands.types(account, ctx.pathParam("server")), null));
  }

  private void deleteType(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    commands.deleteType(account, ctx.pathParam("server"), ctx.pathParam("name"));
    ctx.status(204);
  }

  private void get(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    ctx.json(commands.get(account, ctx.pathParam("server"), ctx.pathParam("command")));
  }

  private void history(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    Instant since = null;
    String sinceParam = ctx.queryParam("since");
    if (sinceParam != null) {
      try {
        since = Instant.parse(sinceParam);
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("since", "must be an RFC 3339 time like 2027-01-01T00:00:00Z");
      }
    }
    ctx.json(
        commands.history(
            account,
            ctx.pathParam("server"),
            ctx.queryParam("status"),
            ctx.queryParam("name"),
            since,
            Requests.page(ctx)));
  }

  private static String write(Problem problem) {
    try {
      return ApiJson.MAPPER.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
