package dev.gamingapi.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.server.PlatformException;
import dev.gamingapi.server.commands.Commands;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.http.oauth.OAuthEndpoints;
import dev.gamingapi.server.notify.Notifier;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.readmodel.ReadModels;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API ({@code /api/v1}) and {@code /metrics} on Javalin. Every error leaves as an RFC 9457
 * problem; nothing a client sends can produce a stack trace in a response.
 */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final long MAX_BODY = 64 * 1024;
  private static final String STARTED = "gamingapi.started";
  static final String METRICS_TYPE = "text/plain; version=0.0.4";

  private final Javalin app;
  private final PrometheusMeterRegistry metrics;
  private final EventRoutes events;
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
  private MetricsPort metricsPort;

  /**
   * @param brokerUp whether the platform's broker connection is up, for the health route
   * @param databaseUp whether the database answers, for the health route
   * @param version the platform's version
   * @param notifier notification rules and deliveries
   * @param commands commands to game servers
   * @param readModels the historical database, for its routes
   * @param brokerUrl the broker's client URL, for the events routes
   * @param clock what a server's status and a leaderboard's current period are computed at
   * @param oauth the OAuth authorization server, for its routes and its access tokens
   */
  public HttpApi(
      TenancyServices tenancy,
      BooleanSupplier brokerUp,
      BooleanSupplier databaseUp,
      String version,
      Notifier notifier,
      Commands commands,
      ReadModels readModels,
      String brokerUrl,
      Clock clock,
      OAuth oauth) {
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Auth auth = new Auth(tenancy, oauth);
    AccountRoutes accounts = new AccountRoutes(tenancy);
    MemberRoutes members = new MemberRoutes(tenancy);
    this.events = new EventRoutes(tenancy, brokerUrl);
    this.app =
        Javalin.create(
            config -> {
              config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
              config.http.maxRequestSize = MAX_BODY;
              config.startup.showJavalinBanner = false;
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
              config.jetty.modifyServletContextHandler(
                  context -> {
                    context.setErrorHandler(new JettyProblems());
                    context.addFilter(
                        new MethodOverrideFilter(), "/*", EnumSet.of(DispatcherType.REQUEST));
                  });
              PortalFiles.serve(config.staticFiles);
              // One handler per path where there were several: Javalin matches each handler's
              // path against every request.
              config.routes.before(
                  ctx -> {
                    ctx.attribute(STARTED, System.nanoTime());
                    Requests.limitBody(ctx, MAX_BODY);
                  });
              config.routes.before(
                  "/api/v1/*",
                  ctx -> {
                    auth.authenticate(ctx);
                    noBodyToReadsAndDeletes(ctx);
                  });
              config.routes.before("/metrics", auth::authenticate);
              config.routes.get(
                  "/api/v1/health",
                  ctx -> health(ctx, brokerUp.getAsBoolean(), databaseUp.getAsBoolean(), version));
              config.routes.get("/metrics", this::metrics);
              accounts.register(config.routes);
              members.register(config.routes);
              new NotificationRoutes(notifier).register(config.routes);
              new CommandRoutes(commands).register(config.routes);
              new ReadModelRoutes(tenancy, readModels, clock).register(config.routes);
              events.register(config.routes);
              new WhoAmIRoutes().register(config.routes);
              new OAuthRoutes(oauth).register(config.routes);
              OAuthEndpoints.register(config.routes, oauth);
              config.routes.after(this::count);
              config.routes.exception(
                  ApiException.class, (e, ctx) -> problem(ctx, e.problem(ctx.path())));
              config.routes.exception(PlatformException.class, this::platformProblem);
              config.routes.exception(HttpResponseException.class, this::httpProblem);
              config.routes.exception(Exception.class, this::internal);
              config.routes.error(404, ctx -> notFoundRoute(ctx));
            });
  }

  /** The registry {@code /metrics} serves, for the platform's other meters. */
  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  /** Starts listening on {@code host}:{@code port} (0: any free port); returns the port. */
  public int start(String host, int port) {
    app.start(host, port);
    return app.port();
  }

  /**
   * Also serves {@code /metrics} without a token on loopback port {@code port} (0: any free port);
   * returns the port.
   */
  public int startMetricsPort(int port) {
    metricsPort = MetricsPort.start(metrics, port);
    return metricsPort.port();
  }

  /** The metrics name every tenant (lag per account...): the operator's only. */
  private void metrics(Context ctx) {
    if (!Requests.caller(ctx).isOperator()) {
      throw ApiException.forbidden("metrics name every tenant: only the operator token reads them");
    }
    ctx.contentType(METRICS_TYPE).result(metrics.scrape());
  }

  /**
   * GET and DELETE take no body: one with fields is refused rather than ignored (a DELETE whose
   * body says {@code "confirm"} would otherwise delete as if it had none).
   */
  private static void noBodyToReadsAndDeletes(Context ctx) {
    if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.DELETE) {
      Requests.noBody(ctx);
    }
  }

  private static void health(Context ctx, boolean broker, boolean database, String version) {
    boolean up = broker && database;
    ctx.status(up ? 200 : 503)
        .json(new Views.Health(up ? "up" : "down", state(broker), state(database), version));
  }

  private static String state(boolean up) {
    return up ? "up" : "down";
  }

  private void count(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    timer(ctx.method(), ctx.statusCode()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  /**
   * The timer of one method and status, registered once: building its id and finding it in the
   * registry cost every request a few microseconds.
   */
  private Timer timer(HandlerType method, int status) {
    return timers.computeIfAbsent(
        method.name() + " " + status,
        key ->
            Timer.builder("gamingapi_http_requests")
                .description("REST requests by method and status")
                .tag("method", method.name())
                .tag("status", Integer.toString(status))
                .register(metrics));
  }

  private static void problem(Context ctx, Problem problem) {
    ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(write(problem));
  }

  private static void problem(Context ctx, int status, String slug, String title, Exception e) {
    problem(ctx, Problem.of(status, slug, title, e.getMessage(), ctx.path()));
  }

  /** Every package's failures, by the kind they carry. */
  private void platformProblem(PlatformException e, Context ctx) {
    switch (e.kind()) {
      case INVALID_REQUEST ->
          problem(
              ctx,
              e instanceof InvalidRequestException invalid
                  ? Problem.invalid(invalid.field(), invalid.problem(), ctx.path())
                  : Problem.of(
                      400, "invalid-request", "Invalid request", e.getMessage(), ctx.path()));
      case NOT_FOUND -> problem(ctx, 404, "not-found", "Not found", e);
      case CONFLICT -> problem(ctx, 409, "conflict", "Conflict", e);
      case FORBIDDEN -> problem(ctx, 403, "forbidden", "Forbidden", e);
      case UNAVAILABLE -> {
        LOG.warn("{} {}: broker unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
        problem(ctx, 503, "broker-unavailable", "Broker unavailable", e);
      }
      case INSUFFICIENT_STORAGE -> {
        LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
        problem(
            ctx,
            Problem.of(
                507, "insufficient-storage", "Insufficient storage", e.getMessage(), ctx.path()),
            e.details());
      }
      case INTERNAL -> internal(e, ctx);
    }
  }

  /** A problem with extension members ({@code details}, RFC 9457 section 3.2). */
  private static void problem(Context ctx, Problem problem, Map<String, Object> details) {
    ObjectNode body = ApiJson.MAPPER.valueToTree(problem);
    details.forEach((name, value) -> body.set(name, ApiJson.MAPPER.valueToTree(value)));
    ctx.status(problem.status()).contentType(Problem.CONTENT_TYPE).result(body.toString());
  }

  private void httpProblem(HttpResponseException e, Context ctx) {
    if (e.getStatus() == 413) {
      Requests.drainRest(ctx);
    }
    String slug =
        switch (e.getStatus()) {
          case 413 -> "payload-too-large";
          case 405 -> "method-not-allowed";
          case 400 -> "invalid-request";
          default -> "http-" + e.getStatus();
        };
    String detail =
        e.getStatus() == 413 ? "the body must be at most " + MAX_BODY + " bytes" : e.getMessage();
    problem(ctx, Problem.of(e.getStatus(), slug, e.getMessage(), detail, ctx.path()));
  }

  private void internal(Exception e, Context ctx) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    problem(
        ctx,
        Problem.of(
            500, "internal", "Internal error", "the server failed; see its log", ctx.path()));
  }

  private static void notFoundRoute(Context ctx) {
    String result = ctx.result();
    if (result == null || result.isEmpty()) {
      problem(ctx, Problem.of(404, "not-found", "Not found", "no route " + ctx.path(), ctx.path()));
    }
  }

  private static String write(Problem problem) {
    try {
      return ApiJson.MAPPER.writeValueAsString(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops listening. */
  @Override
  public void close() {
    app.stop();
    if (metricsPort != null) {
      metricsPort.close();
    }
    events.close();
  }
}
