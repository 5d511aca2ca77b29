package dev.gamingapi.server.http;

import dev.gamingapi.server.accounts.Account;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** Plans, accounts, usage and the audit log. */
final class AccountRoutes {
  private static final String ACCOUNT = "/api/v1/accounts/{account}";

  private final TenancyServices tenancy;

  AccountRoutes(TenancyServices tenancy) {
    this.tenancy = tenancy;
  }

  record CreateAccount(String name, String plan, String description) {}

  record UpdateAccount(String plan, String description) {}

  void register(RoutesConfig routes) {
    routes.get("/api/v1/plans", this::plans);
    routes.get("/api/v1/broker/storage", this::brokerStorage);
    routes.post("/api/v1/accounts", this::create);
    routes.get("/api/v1/accounts", this::list);
    routes.get(ACCOUNT, this::get);
    routes.patch(ACCOUNT, this::update);
    routes.delete(ACCOUNT, this::delete);
    routes.get(ACCOUNT + "/usage", this::usage);
    routes.get(ACCOUNT + "/audit", this::audit);
  }

  private void plans(Context ctx) {
    Requests.caller(ctx);
    List<Views.PlanView> plans = tenancy.plans().all().stream().map(Views.PlanView::of).toList();
    ctx.json(new Page<>(plans, null));
  }

  /** What plans still fit: for the operator only (it tells about the whole broker). */
  private void brokerStorage(Context ctx) {
    Requests.caller(ctx).requireOperator(null);
    ctx.json(Views.BrokerStorageView.of(tenancy.accounts().brokerStorage()));
  }

  private void create(Context ctx) {
    Requests.caller(ctx).requireOperator(null);
    CreateAccount body = Requests.body(ctx, CreateAccount.class);
    Account account =
        tenancy
            .accounts()
            .create(body.name(), body.plan(), body.description(), Requests.actor(ctx));
    ctx.status(201).header("Location", "/api/v1/accounts/" + account.name()).json(account);
  }

  private void list(Context ctx) {
    Caller caller = Requests.caller(ctx);
    ctx.json(tenancy.accounts().list(Requests.page(ctx), caller.account()));
  }

  private void get(Context ctx) {
    String name = ctx.pathParam("account");
    Requests.caller(ctx).requireAccount(name);
    ctx.json(tenancy.accounts().get(name));
  }

  private void update(Context ctx) {
    String name = ctx.pathParam("account");
    Requests.caller(ctx).requireOperator(name);
    UpdateAccount body = Requests.body(ctx, UpdateAccount.class);
    ctx.json(tenancy.accounts().update(name, body.plan(), body.description(), Requests.actor(ctx)));
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("account");
    Requests.caller(ctx).requireOperator(name);
    tenancy.accounts().delete(name, ctx.queryParam("confirm"), Requests.actor(ctx));
    ctx.status(204);
  }

  private void usage(Context ctx) {
    String name = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(name);
    ctx.json(tenancy.accounts().usage(name));
  }

  private void audit(Context ctx) {
    String name = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(name);
    tenancy.accounts().get(name);
    ctx.json(tenancy.audit().page(name, Requests.page(ctx)));
  }
}
