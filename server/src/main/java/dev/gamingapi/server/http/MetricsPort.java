package dev.gamingapi.server.http;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;

/**
 * {@code GET /metrics} without a token on a port of its own, bound to loopback only: for a
 * Prometheus on the same host, which then needs no operator token. The metrics name every tenant,
 * so this port is never bound to another address; a remote Prometheus scrapes the REST port with
 * the operator token instead.
 */
final class MetricsPort implements AutoCloseable {
  private final Javalin app;

  private MetricsPort(Javalin app) {
    this.app = app;
  }

  /** Serves {@code metrics} on loopback port {@code port} (0: any free port). */
  static MetricsPort start(PrometheusMeterRegistry metrics, int port) {
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get(
                  "/metrics",
                  ctx -> ctx.contentType(HttpApi.METRICS_TYPE).result(metrics.scrape()));
            });
    app.start(InetAddress.getLoopbackAddress().getHostAddress(), port);
    return new MetricsPort(app);
  }

  int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
