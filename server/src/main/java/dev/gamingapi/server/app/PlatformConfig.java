package dev.gamingapi.server.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * The platform's settings, validated when constructed.
 *
 * @param dataDir where keys, creds, the broker's store and {@code connection.json} live
 * @param natsPort the embedded broker's client port; 0 picks a free port at each start
 * @param brokerUrl an external broker to manage (a cluster: its nodes' URLs separated by commas),
 *     or null to run an embedded one
 * @param operatorSigningSeedFile external broker only: the operator signing key's seed
 * @param operatorJwtFile external broker only: the operator JWT the broker trusts
 * @param systemCredsFile external broker only: creds of a system-account user
 * @param masterKey base64 of the 256-bit key encrypting seeds at rest, or null to use (and create
 *     on first start) {@code DATA/master.key}
 * @param duplicateWindow the {@code EVENTS} stream's de-duplication window
 * @param replicas the replicas of the tenants' streams ({@code EVENTS}, {@code COMMANDS}); 0 =
 *     auto: 1 on the embedded broker or a single node, 3 on a cluster of 3+ JetStream nodes
 * @param keepBroker embedded broker only: it outlives the platform (no stop at close, no shutdown
 *     hook) and the next start adopts it when it runs the same config, skipping its restore of
 *     every stream
 */
public record PlatformConfig(
    Path dataDir,
    int natsPort,
    String brokerUrl,
    Path operatorSigningSeedFile,
    Path operatorJwtFile,
    Path systemCredsFile,
    String masterKey,
    Duration duplicateWindow,
    int replicas,
    boolean keepBroker) {
  /** The default client port of the embedded broker. */
  public static final int DEFAULT_NATS_PORT = 4222;

  /** The default de-duplication window. */
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);

  /** Validates every setting, naming the wrong one. */
  public PlatformConfig {
    if (dataDir == null) {
      throw new InvalidConfigException("dataDir is required");
    }
    if (natsPort < 0 || natsPort > 65535) {
      throw new InvalidConfigException(
          "natsPort must be 0..65535 (0 = any free port), got " + natsPort);
    }
    if (brokerUrl != null && brokerUrl.isBlank()) {
      brokerUrl = null;
    }
    if (brokerUrl != null) {
      requireFile("operatorSigningSeedFile", operatorSigningSeedFile);
      requireFile("operatorJwtFile", operatorJwtFile);
      requireFile("systemCredsFile", systemCredsFile);
    } else if (operatorSigningSeedFile != null
        || operatorJwtFile != null
        || systemCredsFile != null) {
      throw new InvalidConfigException(
          "operatorSigningSeedFile, operatorJwtFile and systemCredsFile are for an external broker:"
              + " set brokerUrl too, or leave them out to run the embedded broker");
    }
    if (masterKey != null && decodedLength(masterKey) != 32) {
      throw new InvalidConfigException("masterKey must be base64 of exactly 32 bytes (256 bits)");
    }
    if (duplicateWindow == null || duplicateWindow.isNegative() || duplicateWindow.isZero()) {
      throw new InvalidConfigException("duplicateWindow must be positive, got " + duplicateWindow);
    }
    if (replicas < 0 || replicas > 5) {
      throw new InvalidConfigException("replicas must be 0 (auto) or 1..5, got " + replicas);
    }
    if (keepBroker && brokerUrl != null) {
      throw new InvalidConfigException(
          "keepBroker is for the embedded broker: an external broker outlives the platform anyway");
    }
  }

  /** An embedded broker on {@code natsPort} with every other setting at its default. */
  public static PlatformConfig embedded(Path dataDir, int natsPort) {
    return new PlatformConfig(
        dataDir, natsPort, null, null, null, null, null, DEFAULT_DUPLICATE_WINDOW, 1, false);
  }

  /**
   * An external broker at {@code brokerUrl}, managed with the given operator and system creds;
   * stream replicas auto (3 on a cluster of 3+ nodes, else 1).
   */
  public static PlatformConfig external(
      Path dataDir,
      String brokerUrl,
      Path operatorSigningSeed,
      Path operatorJwt,
      Path systemCreds) {
    return new PlatformConfig(
        dataDir,
        DEFAULT_NATS_PORT,
        brokerUrl,
        operatorSigningSeed,
        operatorJwt,
        systemCreds,
        null,
        DEFAULT_DUPLICATE_WINDOW,
        0,
        false);
  }

  /**
   * Reads {@code GAMINGAPI_DATA_DIR}, {@code GAMINGAPI_NATS_PORT}, {@code GAMINGAPI_BROKER_URL},
   * {@code GAMINGAPI_OPERATOR_SIGNING_SEED_FILE}, {@code GAMINGAPI_OPERATOR_JWT_FILE}, {@code
   * GAMINGAPI_SYSTEM_CREDS_FILE}, {@code GAMINGAPI_MASTER_KEY}, {@code GAMINGAPI_DUPLICATE_WINDOW}
   * (ISO-8601, e.g. PT2M), {@code GAMINGAPI_REPLICAS} ({@code auto} or 0 by default, else 1..5) and
   * {@code GAMINGAPI_KEEP_BROKER} ({@code true}: the embedded broker outlives the platform).
   *
   * @param dataDir used when {@code GAMINGAPI_DATA_DIR} is not set
   */
  public static PlatformConfig fromEnvironment(Environment env, Path dataDir) {
    String replicas = env.string("GAMINGAPI_REPLICAS");
    return new PlatformConfig(
        env.path("GAMINGAPI_DATA_DIR", dataDir),
        env.integer("GAMINGAPI_NATS_PORT", DEFAULT_NATS_PORT),
        env.string("GAMINGAPI_BROKER_URL"),
        env.path("GAMINGAPI_OPERATOR_SIGNING_SEED_FILE", null),
        env.path("GAMINGAPI_OPERATOR_JWT_FILE", null),
        env.path("GAMINGAPI_SYSTEM_CREDS_FILE", null),
        env.string("GAMINGAPI_MASTER_KEY"),
        env.duration("GAMINGAPI_DUPLICATE_WINDOW", DEFAULT_DUPLICATE_WINDOW),
        "auto".equalsIgnoreCase(replicas) ? 0 : env.integer("GAMINGAPI_REPLICAS", 0),
        env.bool("GAMINGAPI_KEEP_BROKER", false));
  }

  /** A builder starting from these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Changes some settings of a {@link PlatformConfig}; {@link #build()} validates the result like
   * the constructor.
   */
  public static final class Builder {
    private Path dataDir;
    private int natsPort;
    private String brokerUrl;
    private Path operatorSigningSeedFile;
    private Path operatorJwtFile;
    private Path systemCredsFile;
    private String masterKey;
    private Duration duplicateWindow;
    private int replicas;
    private boolean keepBroker;

    private Builder(PlatformConfig from) {
      dataDir = from.dataDir;
      natsPort = from.natsPort;
      brokerUrl = from.brokerUrl;
      operatorSigningSeedFile = from.operatorSigningSeedFile;
      operatorJwtFile = from.operatorJwtFile;
      systemCredsFile = from.systemCredsFile;
      masterKey = from.masterKey;
      duplicateWindow = from.duplicateWindow;
      replicas = from.replicas;
      keepBroker = from.keepBroker;
    }

    /** The master key (base64). */
    public Builder masterKey(String masterKey) {
      this.masterKey = masterKey;
      return this;
    }

    /** The embedded broker's client port. */
    public Builder natsPort(int natsPort) {
      this.natsPort = natsPort;
      return this;
    }

    /** The {@code EVENTS} stream's de-duplication window. */
    public Builder duplicateWindow(Duration duplicateWindow) {
      this.duplicateWindow = duplicateWindow;
      return this;
    }

    /** The replicas of the tenants' streams (0: auto). */
    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    /**
     * Whether the embedded broker outlives the platform, to be adopted by its next start (which
     * then skips the broker's restore of every stream).
     */
    public Builder keepBroker(boolean keepBroker) {
      this.keepBroker = keepBroker;
      return this;
    }

    /** The settings, validated. */
    public PlatformConfig build() {
      return new PlatformConfig(
          dataDir,
          natsPort,
          brokerUrl,
          operatorSigningSeedFile,
          operatorJwtFile,
          systemCredsFile,
          masterKey,
          duplicateWindow,
          replicas,
          keepBroker);
    }
  }

  /** Whether the platform runs its own nats-server child. */
  public boolean embeddedBroker() {
    return brokerUrl == null;
  }

  /** Keeps the master key out of logs. */
  @Override
  public String toString() {
    return "PlatformConfig[dataDir=%s, natsPort=%d, brokerUrl=%s, masterKey=%s, duplicateWindow=%s, replicas=%d]"
        .formatted(
            dataDir,
            natsPort,
            brokerUrl,
            masterKey == null ? "file" : "****",
            duplicateWindow,
            replicas);
  }

  private static void requireFile(String name, Path file) {
    if (file == null) {
      throw new InvalidConfigException(name + " is required with an external broker (brokerUrl)");
    }
    if (!Files.isReadable(file)) {
      throw new InvalidConfigException(name + " " + file + " does not exist or is not readable");
    }
  }

  private static int decodedLength(String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip()).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
