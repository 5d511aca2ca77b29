package dev.gamingapi.server.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

/**
 * How this instance shares work with other platform instances on the same broker and database
 * (external broker only; the embedded broker has exactly one instance).
 *
 * @param instanceId names this instance in the {@code leases} table; a restarted instance with the
 *     same id takes its tenants back at once instead of after their leases expire
 * @param leaseTtl how long a lease lasts unrenewed: a dead instance's tenants move to the others
 *     within about this (renewed every third of it)
 */
public record ClusterConfig(String instanceId, Duration leaseTtl) {
  /** The default lease lifetime. */
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(12);

  /** Validates, naming the wrong setting. */
  public ClusterConfig {
    if (instanceId == null || !instanceId.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new InvalidConfigException(
          "GAMINGAPI_INSTANCE_ID must be 1-100 letters, digits, '.', '_' or '-', got '"
              + instanceId
              + "'");
    }
    if (leaseTtl == null || leaseTtl.compareTo(Duration.ofSeconds(3)) < 0) {
      throw new InvalidConfigException(
          "GAMINGAPI_LEASE_TTL must be at least PT3S (renewed every third of it), got " + leaseTtl);
    }
  }

  /**
   * Reads {@code GAMINGAPI_INSTANCE_ID} (default: host name and a random suffix) and {@code
   * GAMINGAPI_LEASE_TTL} (ISO-8601, default PT12S).
   */
  public static ClusterConfig fromEnvironment(Environment env) {
    return new ClusterConfig(
        env.string("GAMINGAPI_INSTANCE_ID", defaultId()),
        env.duration("GAMINGAPI_LEASE_TTL", DEFAULT_LEASE_TTL));
  }

  /** A fresh instance id (host name and a random suffix) and the default lease lifetime. */
  public static ClusterConfig withDefaults() {
    return new ClusterConfig(defaultId(), DEFAULT_LEASE_TTL);
  }

  private static String defaultId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (UnknownHostException e) {
      host = "instance";
    }
    if (host.length() > 80) {
      host = host.substring(0, 80);
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
