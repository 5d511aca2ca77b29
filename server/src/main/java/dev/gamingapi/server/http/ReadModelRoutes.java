package dev.gamingapi.server.http;

import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.NotFoundException;
import dev.gamingapi.server.readmodel.ReadModels;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The historical database (docs/history.md): server status, player profiles and where a tenant's
 * read models stand. Readers of the tenant (owners, readers, the operator) may read it; another
 * tenant's token gets 404 like every route of an account.
 */
final class ReadModelRoutes {
  private static final String ACCOUNT = "/api/v1/accounts/{account}";

  private final TenancyServices tenancy;
  private final ReadModels readModels;

  // Whether a server is unresponsive, and the current period of a leaderboard.
  private final Clock clock;

  ReadModelRoutes(TenancyServices tenancy, ReadModels readModels, Clock clock) {
    this.tenancy = tenancy;
    this.readModels = readModels;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get(ACCOUNT + "/servers/{server}/status", this::serverStatus);
    routes.get(ACCOUNT + "/players", this::searchPlayers);
    routes.get(ACCOUNT + "/players/{player}", this::player);
    routes.get(ACCOUNT + "/read-models", this::state);
    routes.post(ACCOUNT + "/read-models/rebuild", this::rebuild);
    routes.get(ACCOUNT + "/dead-letters", this::deadLetters);
    routes.delete(ACCOUNT + "/players/{player}", this::forget);
    new LeaderboardRoutes(tenancy, readModels.leaderboards(), clock).register(routes);
    new SeriesRoutes(tenancy, readModels.series(), clock).register(routes);
  }

  /** The answer to forgetting a player. */
  record Forgotten(String player, long erasedEvents) {}

  private String reader(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    Requests.requireExisting(ctx, tenancy.accounts(), account);
    return account;
  }

  private void serverStatus(Context ctx) {
    String account = reader(ctx);
    String server = ctx.pathParam("server");
    tenancy.servers().get(account, server); // only registered servers have a status
    ctx.json(readModels.status().status(account, server, clock.instant()));
  }

  private void player(Context ctx) {
    String account = reader(ctx);
    String player = playerId(ctx);
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

  private String owner(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    tenancy.accounts().get(account);
    return account;
  }

  private static String playerId(Context ctx) {
    String player = ctx.pathParam("player");
    if (!Ids.isValid(player)) {
      throw new InvalidRequestException("player", Ids.ID_RULE);
    }
    return player;
  }

  private void rebuild(Context ctx) {
    String account = owner(ctx);
    Requests.noBody(ctx);
    readModels.rebuild(account);
    ctx.status(202).json(readModels.state(account));
  }

  private void deadLetters(Context ctx) {
    String account = reader(ctx);
    ctx.json(readModels.deadLetters().page(account, Requests.page(ctx)));
  }

  private void forget(Context ctx) {
    String account = owner(ctx);
    String player = playerId(ctx);
    long erased = readModels.forget(account, player, Requests.actor(ctx));
    ctx.json(new Forgotten(player, erased));
  }

  private void state(Context ctx) {
    ctx.json(readModels.state(reader(ctx)));
  }
}
