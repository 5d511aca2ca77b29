package dev.gamingapi.server.http;

import dev.gamingapi.server.access.IssuedCredentials;
import dev.gamingapi.server.access.UserKind;
import dev.gamingapi.server.access.UserSpec;
import dev.gamingapi.server.accounts.Share;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.servers.GameServer;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/** What lives inside an account: game servers, users and their credentials, shares. */
final class MemberRoutes {
  private static final String ACCOUNT = "/api/v1/accounts/{account}";

  private final TenancyServices tenancy;

  MemberRoutes(TenancyServices tenancy) {
    this.tenancy = tenancy;
  }

  record CreateServer(String id, String name) {}

  record CreateUser(
      String name,
      String kind,
      String server,
      List<String> servers,
      List<String> eventTypes,
      Boolean maySendCommands,
      Instant expiresAt) {}

  record CreateShare(String grantee, List<String> servers) {}

  void register(RoutesConfig routes) {
    routes.post(ACCOUNT + "/servers", this::createServer);
    routes.get(ACCOUNT + "/servers", this::listServers);
    routes.get(ACCOUNT + "/servers/{server}", this::getServer);
    routes.post(ACCOUNT + "/users", this::createUser);
    routes.get(ACCOUNT + "/users", this::listUsers);
    routes.get(ACCOUNT + "/users/{user}", this::getUser);
    routes.delete(ACCOUNT + "/users/{user}", this::revokeUser);
    routes.post(ACCOUNT + "/users/{user}/rotate", this::rotateUser);
    routes.post(ACCOUNT + "/shares", this::createShare);
    routes.get(ACCOUNT + "/shares", this::listShares);
    routes.delete(ACCOUNT + "/shares/{share}", this::deleteShare);
  }

  private void createServer(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    CreateServer body = Requests.body(ctx, CreateServer.class);
    GameServer server =
        tenancy.servers().register(account, body.id(), body.name(), Requests.actor(ctx));
    ctx.status(201)
        .header("Location", "/api/v1/accounts/" + account + "/servers/" + server.id())
        .json(server);
  }

  private void listServers(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    ctx.json(tenancy.servers().list(account, Requests.page(ctx)));
  }

  private void getServer(Context ctx) {
    String account = ctx.pathParam("account");
    String server = ctx.pathParam("server");
    Caller caller = Requests.caller(ctx);
    caller.requireAccount(account);
    boolean ownServer =
        !caller.isOperator()
            && caller.user().kind() == UserKind.GAME_SERVER
            && server.equals(caller.user().server());
    if (!ownServer) {
      caller.requireReader(account);
    }
    ctx.json(tenancy.servers().get(account, server));
  }

  private void createUser(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    CreateUser body = Requests.body(ctx, CreateUser.class);
    UserSpec spec =
        new UserSpec(
            body.name(),
            body.kind(),
            body.server(),
            body.servers(),
            body.eventTypes(),
            body.maySendCommands(),
            body.expiresAt());
    IssuedCredentials issued = tenancy.users().create(account, spec, Requests.actor(ctx));
    ctx.status(201)
        .header("Location", "/api/v1/accounts/" + account + "/users/" + issued.user().name())
        .header("Cache-Control", "no-store")
        .json(issued);
  }

  private void listUsers(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    ctx.json(tenancy.users().list(account, Requests.page(ctx)));
  }

  private void getUser(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    ctx.json(tenancy.users().get(account, ctx.pathParam("user")));
  }

  private void revokeUser(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    tenancy.users().revoke(account, ctx.pathParam("user"), Requests.actor(ctx));
    ctx.status(204);
  }

  private void rotateUser(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    Requests.noBody(ctx);
    IssuedCredentials issued =
        tenancy.users().rotate(account, ctx.pathParam("user"), Requests.actor(ctx));
    ctx.header("Cache-Control", "no-store").json(issued);
  }

  private void createShare(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    CreateShare body = Requests.body(ctx, CreateShare.class);
    Share share =
        tenancy.shares().create(account, body.grantee(), body.servers(), Requests.actor(ctx));
    ctx.status(201)
        .header("Location", "/api/v1/accounts/" + account + "/shares/" + share.id())
        .json(Views.ShareView.of(share));
  }

  private void listShares(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    Page<Share> page = tenancy.shares().list(account, Requests.page(ctx));
    ctx.json(
        new Page<>(page.items().stream().map(Views.ShareView::of).toList(), page.nextCursor()));
  }

  private void deleteShare(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    tenancy.shares().delete(account, ctx.pathParam("share"), Requests.actor(ctx));
    ctx.status(204);
  }
}
