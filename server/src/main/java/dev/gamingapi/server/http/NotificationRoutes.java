package dev.gamingapi.server.http;

import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.notify.Notifier;
import dev.gamingapi.server.notify.Rule;
import dev.gamingapi.server.notify.RuleSpec;
import dev.gamingapi.server.notify.Rules;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;

/**
 * Notification rules of an account, their test action and delivery log. Secrets never leave after
 * creation: a webhook's secret is in the create answer only, and URLs are shown without a Discord
 * token or query string.
 */
final class NotificationRoutes {
  private static final String BASE = "/api/v1/accounts/{account}/notifications";

  private final Notifier notifier;

  NotificationRoutes(Notifier notifier) {
    this.notifier = notifier;
  }

  record CreateRule(
      String name,
      String kind,
      String url,
      List<String> eventTypes,
      List<String> servers,
      String template,
      Integer ratePerMinute) {}

  record PatchRule(
      String name,
      String url,
      List<String> eventTypes,
      List<String> servers,
      String template,
      Integer ratePerMinute,
      Boolean paused) {}

  /** A rule as the API shows it. */
  record RuleView(
      String id,
      String name,
      String kind,
      String url,
      List<String> eventTypes,
      List<String> servers,
      String template,
      int ratePerMinute,
      String status,
      Instant failingSince,
      Instant pausedAt,
      String pausedReason,
      Instant createdAt,
      Instant updatedAt) {
    static RuleView of(Rule rule) {
      String status = rule.paused() ? "paused" : rule.failingSince() != null ? "failing" : "active";
      return new RuleView(
          rule.id(),
          rule.name(),
          rule.kind(),
          rule.redactedUrl(),
          rule.eventTypes(),
          rule.servers(),
          rule.template(),
          rule.ratePerMinute(),
          status,
          rule.failingSince(),
          rule.pausedAt(),
          rule.pausedReason(),
          rule.createdAt(),
          rule.updatedAt());
    }
  }

  /** The answer to a create: the rule, and a webhook's signing secret, shown this once. */
  record CreatedView(RuleView notification, String secret) {}

  void register(RoutesConfig routes) {
    routes.post(BASE, this::create);
    routes.get(BASE, this::list);
    routes.get(BASE + "/{id}", this::get);
    routes.patch(BASE + "/{id}", this::update);
    routes.delete(BASE + "/{id}", this::delete);
    routes.post(BASE + "/{id}/test", this::test);
    routes.get(BASE + "/{id}/deliveries", this::deliveries);
  }

  private void create(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    CreateRule body = Requests.body(ctx, CreateRule.class);
    Rules.Created created =
        notifier
            .rules()
            .create(
                account,
                new RuleSpec(
                    body.name(),
                    body.kind(),
                    body.url(),
                    body.eventTypes(),
                    body.servers(),
                    body.template(),
                    body.ratePerMinute(),
                    null));
    ctx.status(201)
        .header("Location", "/api/v1/accounts/" + account + "/notifications/" + created.rule().id())
        .header("Cache-Control", "no-store")
        .json(new CreatedView(RuleView.of(created.rule()), created.secret()));
  }

  private void list(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    Page<Rule> page = notifier.rules().list(account, Requests.page(ctx));
    ctx.json(new Page<>(page.items().stream().map(RuleView::of).toList(), page.nextCursor()));
  }

  private void get(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    ctx.json(RuleView.of(notifier.rules().get(account, ctx.pathParam("id"))));
  }

  private void update(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    PatchRule body = Requests.body(ctx, PatchRule.class);
    RuleSpec spec =
        new RuleSpec(
            body.name(),
            null,
            body.url(),
            body.eventTypes(),
            body.servers(),
            body.template(),
            body.ratePerMinute(),
            body.paused());
    ctx.json(RuleView.of(notifier.rules().update(account, ctx.pathParam("id"), spec)));
  }

  private void delete(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    notifier.rules().delete(account, ctx.pathParam("id"));
    ctx.status(204);
  }

  private void test(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireOwner(account);
    Requests.noBody(ctx);
    ctx.json(notifier.test(account, ctx.pathParam("id")));
  }

  private void deliveries(Context ctx) {
    String account = ctx.pathParam("account");
    Requests.caller(ctx).requireReader(account);
    ctx.json(notifier.deliveries(account, ctx.pathParam("id"), Requests.page(ctx)));
  }
}
