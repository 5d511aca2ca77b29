package dev.gamingapi.server.http;

import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.readmodel.timeseries.SeriesQueries;
import dev.gamingapi.server.readmodel.timeseries.SeriesRange;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * The time series behind the portal's charts (docs/history.md#time-series): a server's events and
 * players online, the tenant's events, a player's activity, over the last hour, day or week ({@code
 * ?range=}). Readers of the tenant may read them, like the status and profiles; another tenant's
 * token gets 404.
 */
final class SeriesRoutes {
  private static final String ACCOUNT = "/api/v1/accounts/{account}";

  private final TenancyServices tenancy;
  private final SeriesQueries series;
  private final Clock clock;

  SeriesRoutes(TenancyServices tenancy, SeriesQueries series, Clock clock) {
    this.tenancy = tenancy;
    this.series = series;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get(ACCOUNT + "/timeseries", this::account);
    routes.get(ACCOUNT + "/servers/{server}/timeseries", this::server);
    routes.get(ACCOUNT + "/players/{player}/activity", this::player);
  }

  private String reader(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    Requests.requireExisting(ctx, tenancy.accounts(), account);
    return account;
  }

  private static SeriesRange range(Context ctx) {
    return SeriesRange.of(ctx.queryParam("range"));
  }

  private void account(Context ctx) {
    String account = reader(ctx);
    ctx.json(series.account(account, range(ctx), clock.instant()));
  }

  private void server(Context ctx) {
    String account = reader(ctx);
    String server = ctx.pathParam("server");
    SeriesRange range = range(ctx);
    tenancy.servers().get(account, server); // only registered servers have a series
    ctx.json(series.server(account, server, range, clock.instant()));
  }

  private void player(Context ctx) {
    String account = reader(ctx);
    String player = ctx.pathParam("player");
    if (!Ids.isValid(player)) {
      throw new InvalidRequestException("player", Ids.ID_RULE);
    }
    ctx.json(series.player(account, player, range(ctx), clock.instant()));
  }
}
