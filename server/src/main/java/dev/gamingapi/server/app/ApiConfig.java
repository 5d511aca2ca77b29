package dev.gamingapi.server.app;

import dev.gamingapi.server.accounts.plans.PlanCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the control plane: where the REST API listens, which database holds tenants, and
 * which plans exist.
 *
 * @param httpHost the REST API's address; loopback by default, so that nothing is exposed by
 *     accident
 * @param httpPort the REST API's port; 0 picks a free port
 * @param databaseUrl a {@code jdbc:postgresql:} or {@code jdbc:sqlite:} URL, or null for {@code
 *     DATA/gamingapi.db}
 * @param plansFile a JSON file of plans added to or replacing the built-in ones, or null
 * @param quotaSuspension how long a user that takes its tenant over the connection quota is
 *     suspended (its connections dropped); zero only reports the excess
 * @param metricsPort a port on loopback where {@code /metrics} is served without a token, for a
 *     Prometheus on the same host; 0 picks a free port, {@link #NO_METRICS_PORT} serves none (then
 *     {@code /metrics} is only on the REST port, to the operator token, because it names every
 *     tenant)
 */
public record ApiConfig(
    String httpHost,
    int httpPort,
    String databaseUrl,
    Path plansFile,
    Duration quotaSuspension,
    int metricsPort) {
  /** No separate metrics port: the default. */
  public static final int NO_METRICS_PORT = -1;

  /** The default suspension of a user over its tenant's connection quota. */
  public static final Duration DEFAULT_QUOTA_SUSPENSION = Duration.ofSeconds(30);

  /** The REST API's port for {@code gamingapi up}. */
  public static final int DEFAULT_HTTP_PORT = 8080;

  /** With the default quota suspension and no metrics port. */
  public ApiConfig(String httpHost, int httpPort, String databaseUrl, Path plansFile) {
    this(httpHost, httpPort, databaseUrl, plansFile, DEFAULT_QUOTA_SUSPENSION);
  }

  /** With no metrics port. */
  public ApiConfig(
      String httpHost, int httpPort, String databaseUrl, Path plansFile, Duration quotaSuspension) {
    this(httpHost, httpPort, databaseUrl, plansFile, quotaSuspension, NO_METRICS_PORT);
  }

  /** Validates, naming the wrong setting. */
  public ApiConfig {
    if (httpHost == null || httpHost.isBlank()) {
      throw new InvalidConfigException("httpHost must not be blank");
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new InvalidConfigException(
          "httpPort must be 0..65535 (0 = any free port), got " + httpPort);
    }
    if (metricsPort < NO_METRICS_PORT || metricsPort > 65535) {
      throw new InvalidConfigException(
          "metricsPort must be 0..65535 (0 = any free port) or unset, got " + metricsPort);
    }
    if (databaseUrl != null && databaseUrl.isBlank()) {
      databaseUrl = null;
    }
    if (databaseUrl != null
        && !databaseUrl.startsWith("jdbc:postgresql:")
        && !databaseUrl.startsWith("jdbc:sqlite:")) {
      throw new InvalidConfigException(
          "databaseUrl must start with jdbc:postgresql: or jdbc:sqlite:");
    }
    if (quotaSuspension == null || quotaSuspension.isNegative()) {
      throw new InvalidConfigException(
          "quotaSuspension must be zero (report only) or positive, got " + quotaSuspension);
    }
    if (plansFile != null && !Files.isReadable(plansFile)) {
      throw new InvalidConfigException(
          "plansFile " + plansFile + " does not exist or is not readable");
    }
  }

  /** Loopback, any free port, SQLite in the data directory, built-in plans: for tests. */
  public static ApiConfig defaults() {
    return new ApiConfig("127.0.0.1", 0, null, null);
  }

  /**
   * Reads {@code GAMINGAPI_HTTP_HOST}, {@code GAMINGAPI_HTTP_PORT} (default 8080), {@code
   * GAMINGAPI_DATABASE_URL}, {@code GAMINGAPI_PLANS_FILE} and {@code
   * GAMINGAPI_CONNECTION_QUOTA_SUSPENSION} (ISO-8601, default PT30S; PT0S reports only) and {@code
   * GAMINGAPI_METRICS_PORT} (unset: no metrics port).
   */
  public static ApiConfig fromEnvironment(Environment env) {
    return new ApiConfig(
        env.string("GAMINGAPI_HTTP_HOST", "127.0.0.1"),
        env.integer("GAMINGAPI_HTTP_PORT", DEFAULT_HTTP_PORT),
        env.string("GAMINGAPI_DATABASE_URL"),
        env.path("GAMINGAPI_PLANS_FILE", null),
        env.duration("GAMINGAPI_CONNECTION_QUOTA_SUSPENSION", DEFAULT_QUOTA_SUSPENSION),
        env.integer("GAMINGAPI_METRICS_PORT", NO_METRICS_PORT));
  }

  /** A copy listening on {@code httpPort}. */
  public ApiConfig withHttpPort(int httpPort) {
    return new ApiConfig(httpHost, httpPort, databaseUrl, plansFile, quotaSuspension, metricsPort);
  }

  /** A copy serving {@code /metrics} without a token on loopback port {@code metricsPort}. */
  public ApiConfig withMetricsPort(int metricsPort) {
    return new ApiConfig(httpHost, httpPort, databaseUrl, plansFile, quotaSuspension, metricsPort);
  }

  /** A copy using {@code databaseUrl}. */
  public ApiConfig withDatabaseUrl(String databaseUrl) {
    return new ApiConfig(httpHost, httpPort, databaseUrl, plansFile, quotaSuspension, metricsPort);
  }

  /** The plans: built-in ones, with the plans file's applied. */
  PlanCatalog plans() {
    try {
      return plansFile == null ? PlanCatalog.defaults() : PlanCatalog.withFile(plansFile);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(e.getMessage());
    }
  }

  /** Keeps a database password out of logs. */
  @Override
  public String toString() {
    return "ApiConfig[http=%s:%d, database=%s, plansFile=%s, metricsPort=%s]"
        .formatted(
            httpHost,
            httpPort,
            databaseUrl == null
                ? "sqlite in the data dir"
                : databaseUrl.replaceAll("(?i)(password=)[^&;]*", "$1****"),
            plansFile,
            metricsPort == NO_METRICS_PORT ? "none" : metricsPort);
  }
}
