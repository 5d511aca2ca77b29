package dev.gamingapi.server.http;

import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.server.readmodel.ReadModels;
import dev.gamingapi.server.tenancy.ControlPlane;
import dev.gamingapi.server.tenancy.InvalidRequestException;
import dev.gamingapi.server.tenancy.NotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;

/**
 * The historical database (docs/history.md): server status, player profiles and where a tenant's
 * read models stand. Readers of the tenant (owners, readers, the operator) may read it; another
 * tenant's token gets 404 like every route of an account.
 */
final class ReadModelRoutes {
  private static final String ACCOUNT = "/api/v1/accounts/{account}";

  private final ControlPlane control;
  private final ReadModels readModels;

  ReadModelRoutes(ControlPlane control, ReadModels readModels) {
    this.control = control;
    this.readModels = readModels;
  }

  void register(RoutesConfig routes) {
    routes.get(ACCOUNT + "/servers/{server}/status", this::serverStatus);
    routes.get(ACCOUNT + "/players", this::searchPlayers);
    routes.get(ACCOUNT + "/players/{player}", this::player);
    routes.get(ACCOUNT + "/read-models", this::state);
  }

  private String reader(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    control.accounts().get(account); // 404 for the operator asking about no account
    return account;
  }

  private void serverStatus(Context ctx) {
    String account = reader(ctx);
    String server = ctx.pathParam("server");
    control.servers().get(account, server); // only registered servers have a status
    ctx.json(readModels.status().status(account, server, Instant.now()));
  }

  private void player(Context ctx) {
    String account = reader(ctx);
    String player = ctx.pathParam("player");
    if (!Ids.isValid(player)) {
      throw new InvalidRequestException("player", Ids.ID_RULE);
    }
    ctx.json(
        readModels
            .profiles()
            .profile(account, player)
            .orElseThrow(() -> new NotFoundException("player", player)));
  }

  private void searchPlayers(Context ctx) {
    String account = reader(ctx);
    ctx.json(readModels.profiles().search(account, ctx.queryParam("name"), Requests.page(ctx)));
  }

  private void state(Context ctx) {
    ctx.json(readModels.state(reader(ctx)));
  }
}
