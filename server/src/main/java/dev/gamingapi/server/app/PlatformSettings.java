package dev.gamingapi.server.app;

import dev.gamingapi.server.broker.PullPolicy;
import dev.gamingapi.server.notify.NotifyConfig;
import dev.gamingapi.server.readmodel.ReadModelConfig;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Every setting of a platform, read once at the edge ({@code gamingapi up}, a test, a benchmark)
 * and handed to {@link Platform}: nothing inside reads the environment again.
 *
 * @param platform the data directory, the broker and the keys
 * @param api where the REST API listens, the database of tenants, the plans
 * @param notifications notification delivery
 * @param cluster how this instance shares tenants with others (external broker only)
 * @param readModels the read models
 * @param pulls how the consumers in each tenant pull, and when idle ones park
 */
public record PlatformSettings(
    PlatformConfig platform,
    ApiConfig api,
    NotifyConfig notifications,
    ClusterConfig cluster,
    ReadModelConfig readModels,
    PullPolicy pulls) {

  /** Checks that every part is there. */
  public PlatformSettings {
    if (platform == null || api == null || notifications == null || cluster == null) {
      throw new InvalidConfigException(
          "platform, api, notification and cluster settings are required");
    }
    if (readModels == null || pulls == null) {
      throw new InvalidConfigException("read model and pull settings are required");
    }
  }

  /**
   * {@code platform} with every other part at its default: the REST API on a free loopback port,
   * SQLite in the data directory, public notification endpoints only, a fresh instance id.
   */
  public static PlatformSettings of(PlatformConfig platform) {
    return new PlatformSettings(
        platform,
        ApiConfig.defaults(),
        NotifyConfig.defaults(),
        ClusterConfig.withDefaults(),
        ReadModelConfig.defaults(),
        PullPolicy.defaults());
  }

  /**
   * Reads every {@code GAMINGAPI_*} variable (docs/operating.md lists them), failing on the first
   * wrong one with its name.
   *
   * @param dataDir the data directory when {@code GAMINGAPI_DATA_DIR} is not set
   */
  public static PlatformSettings fromEnvironment(Environment env, Path dataDir) {
    return new PlatformSettings(
        PlatformConfig.fromEnvironment(env, dataDir),
        ApiConfig.fromEnvironment(env),
        notifications(env),
        ClusterConfig.fromEnvironment(env),
        readModels(env),
        pulls(env));
  }

  /** A copy with {@code platform}. */
  public PlatformSettings withPlatform(PlatformConfig platform) {
    return new PlatformSettings(platform, api, notifications, cluster, readModels, pulls);
  }

  /** A copy with {@code api}. */
  public PlatformSettings withApi(ApiConfig api) {
    return new PlatformSettings(platform, api, notifications, cluster, readModels, pulls);
  }

  /** A copy with {@code notifications}. */
  public PlatformSettings withNotifications(NotifyConfig notifications) {
    return new PlatformSettings(platform, api, notifications, cluster, readModels, pulls);
  }

  /** A copy with {@code cluster}. */
  public PlatformSettings withCluster(ClusterConfig cluster) {
    return new PlatformSettings(platform, api, notifications, cluster, readModels, pulls);
  }

  /** A copy with {@code pulls}. */
  public PlatformSettings withPulls(PullPolicy pulls) {
    return new PlatformSettings(platform, api, notifications, cluster, readModels, pulls);
  }

  /** A copy with {@code readModels}. */
  public PlatformSettings withReadModels(ReadModelConfig readModels) {
    return new PlatformSettings(platform, api, notifications, cluster, readModels, pulls);
  }

  /**
   * {@code GAMINGAPI_NOTIFY_ALLOW_PRIVATE} ({@code true}/{@code false}), {@code
   * GAMINGAPI_NOTIFY_PAUSE_AFTER} and {@code GAMINGAPI_NOTIFY_HEARTBEAT_TIMEOUT}; the rest keep
   * their defaults.
   */
  private static NotifyConfig notifications(Environment env) {
    NotifyConfig d = NotifyConfig.defaults();
    try {
      return new NotifyConfig(
          env.bool("GAMINGAPI_NOTIFY_ALLOW_PRIVATE", false),
          d.requestTimeout(),
          d.backoffBase(),
          d.backoffMax(),
          env.duration("GAMINGAPI_NOTIFY_PAUSE_AFTER", d.pauseAfter()),
          env.duration("GAMINGAPI_NOTIFY_HEARTBEAT_TIMEOUT", d.heartbeatTimeout()));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException(e.getMessage());
    }
  }

  /** {@code GAMINGAPI_UNRESPONSIVE_AFTER}; the rest keep their defaults. */
  private static ReadModelConfig readModels(Environment env) {
    ReadModelConfig d = ReadModelConfig.defaults();
    Duration unresponsiveAfter =
        env.duration("GAMINGAPI_UNRESPONSIVE_AFTER", d.unresponsiveAfter());
    try {
      return new ReadModelConfig(unresponsiveAfter, d.batchSize());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException("GAMINGAPI_UNRESPONSIVE_AFTER: " + e.getMessage());
    }
  }

  /** {@code GAMINGAPI_PARK_AFTER}; the pull expiry keeps its default. */
  private static PullPolicy pulls(Environment env) {
    PullPolicy d = PullPolicy.defaults();
    try {
      return d.withParkAfter(env.duration("GAMINGAPI_PARK_AFTER", d.parkAfter()));
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigException("GAMINGAPI_PARK_AFTER: " + e.getMessage());
    }
  }
}
