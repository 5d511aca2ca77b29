package dev.gamingapi.server.app;

import dev.gamingapi.server.broker.BrokerConfig;
import dev.gamingapi.server.broker.EmbeddedBroker;
import dev.gamingapi.server.broker.EventStreamSpec;
import dev.gamingapi.server.broker.NatsServerExecutable;
import dev.gamingapi.server.broker.StreamProvisioner;
import dev.gamingapi.server.control.KeyVault;
import dev.gamingapi.server.control.MasterKey;
import dev.gamingapi.server.control.Plan;
import dev.gamingapi.server.control.ResolverClient;
import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GamingAPI platform: broker (embedded or external), operator keys, the {@code default} tenant,
 * its {@code EVENTS} stream and its first credentials.
 *
 * <p>{@link #start()} is idempotent across runs on the same data directory: the first run creates
 * everything; later runs reuse keys, stream data and creds files, and push an account JWT only when
 * the resolver's copy differs.
 */
public final class Platform implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  /** The tenant created on first start. */
  public static final String DEFAULT_ACCOUNT = "default";

  /** The game server whose creds are written on first start. */
  public static final String DEMO_SERVER = "demo";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  // How often account JWTs that some broker node did not confirm are pushed again.
  private static final Duration REPUSH_INTERVAL = Duration.ofSeconds(5);

  private final PlatformConfig config;
  private EmbeddedBroker broker;
  private Connection system;
  private ResolverClient resolver;
  private ScheduledExecutorService repusher;
  private OperatorContext operator;
  private TenantAccount defaultAccount;
  private ConnectionInfo connectionInfo;

  /** A platform for {@code config}; nothing happens until {@link #start()}. */
  public Platform(PlatformConfig config) {
    this.config = config;
  }

  /**
   * Starts (or re-attaches to) the broker and brings the operator, the {@code default} account, its
   * stream and its creds files to their wanted state.
   *
   * @throws dev.gamingapi.server.PlatformException naming what failed; everything started is
   *     stopped again
   */
  public synchronized Platform start() {
    if (connectionInfo != null) {
      return this;
    }
    try {
      Path dataDir = config.dataDir();
      Files.createDirectories(dataDir);
      KeyVault vault = KeyVault.open(dataDir.resolve("keys.json"), masterKey(dataDir));
      String url;
      if (config.embeddedBroker()) {
        Path natsDir = dataDir.resolve("nats");
        operator = OperatorContext.embedded(vault, natsDir);
        int port = config.natsPort() == 0 ? freePort() : config.natsPort();
        BrokerConfig brokerConfig =
            new BrokerConfig(
                port,
                "gamingapi",
                natsDir,
                natsDir.resolve("operator.jwt"),
                operator.systemAccount(),
                operator.systemAccountJwt());
        broker = EmbeddedBroker.start(brokerConfig, NatsServerExecutable.find());
        url = broker.url();
      } else {
        operator = OperatorContext.external(config);
        url = config.brokerUrl();
      }
      system = connect(url, operator.systemAuth(), "gamingapi-system");
      resolver = new ResolverClient(system, operator.trustedSigners(), REQUEST_TIMEOUT);
      repusher = startRepushing(resolver);
      Plan plan = Plan.defaultPlan();
      defaultAccount =
          TenantAccount.ensure(
              DEFAULT_ACCOUNT,
              plan,
              config.replicas(),
              vault,
              dataDir.resolve("accounts"),
              operator,
              resolver);
      provisionStreams(url, defaultAccount);
      connectionInfo = CredsFiles.ensure(url, dataDir, defaultAccount, DEMO_SERVER);
      LOG.info("platform started: broker {}, data in {}", url, dataDir.toAbsolutePath());
      return this;
    } catch (IOException e) {
      close();
      throw new DataFileException("cannot prepare the data directory " + config.dataDir(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Pushes again, every few seconds, the JWTs a node missed while it was down: nats-server 2.9 only
   * fetches them at its resolver's next sync (minutes) and serves the old ones until then.
   */
  private static ScheduledExecutorService startRepushing(ResolverClient resolver) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("gamingapi-resolver-repush").daemon().unstarted(task));
    long every = REPUSH_INTERVAL.toMillis();
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            resolver.repushUnconfirmed();
          } catch (RuntimeException e) {
            // An escaping exception would cancel the schedule.
            LOG.warn("pushing unconfirmed account JWTs again failed", e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    return executor;
  }

  private MasterKey masterKey(Path dataDir) {
    if (config.masterKey() != null) {
      return MasterKey.fromBase64(config.masterKey(), "GAMINGAPI_MASTER_KEY");
    }
    return MasterKey.fromFile(
        dataDir.resolve("master.key"), !Files.exists(dataDir.resolve("keys.json")));
  }

  private void provisionStreams(String url, TenantAccount account) {
    // A short-lived user of the tenant account, never written anywhere: streams belong to the
    // account of the connection that creates them.
    AuthHandler internal =
        account.creds().internal("provisioning", Duration.ofMinutes(5)).authHandler();
    try (Connection tenant = connect(url, internal, "gamingapi-provisioning")) {
      Plan plan = account.plan();
      StreamProvisioner.provisionEvents(
          tenant,
          new EventStreamSpec(
              config.duplicateWindow(),
              plan.eventMaxAge(),
              plan.eventMaxBytes(),
              config.replicas()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformStartException("interrupted while provisioning streams", e);
    }
  }

  private static Connection connect(String url, AuthHandler auth, String name) {
    Options options =
        Options.builder()
            .server(url)
            .authHandler(auth)
            .connectionName(name)
            .connectionTimeout(REQUEST_TIMEOUT)
            .maxReconnects(-1)
            .errorListener(
                new ErrorListener() {
                  @Override
                  public void errorOccurred(Connection connection, String error) {
                    LOG.warn("{}: broker error: {}", name, error);
                  }

                  @Override
                  public void exceptionOccurred(Connection connection, Exception exception) {
                    // Expected while the broker restarts; the connection reconnects by itself.
                    LOG.info("{}: {}", name, exception.toString());
                  }
                })
            .build();
    try {
      return Nats.connect(options);
    } catch (IOException e) {
      throw new PlatformStartException("cannot connect to the broker at " + url + " as " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformStartException("interrupted while connecting to " + url, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Where clients connect and the creds files written at start. */
  public synchronized ConnectionInfo connectionInfo() {
    requireStarted();
    return connectionInfo;
  }

  /**
   * Writes {@link #connectionInfo()} as JSON to {@code DATA/connection.json} and returns its path.
   */
  public synchronized Path writeConnectionInfo() {
    requireStarted();
    Path file = config.dataDir().resolve("connection.json");
    try {
      Files.writeString(file, connectionInfo.toJson());
      return file;
    } catch (IOException e) {
      throw new DataFileException("cannot write " + file, e);
    }
  }

  /** The operator's public key. */
  public synchronized String operatorPublicKey() {
    requireStarted();
    return operator.operatorPublicKey();
  }

  /** The public key of the {@code default} tenant account. */
  public synchronized String defaultAccountPublicKey() {
    requireStarted();
    return defaultAccount.publicKey();
  }

  /** The JWT of the {@code default} tenant account as last pushed. */
  public synchronized String defaultAccountJwt() {
    requireStarted();
    return defaultAccount.jwt();
  }

  /** The resolver client (system user), for pushing and reading back account JWTs. */
  public synchronized ResolverClient resolver() {
    requireStarted();
    return resolver;
  }

  /** The embedded broker, when the platform runs one. */
  public synchronized Optional<EmbeddedBroker> embeddedBroker() {
    return Optional.ofNullable(broker);
  }

  private void requireStarted() {
    if (connectionInfo == null) {
      throw new IllegalStateException("the platform is not started");
    }
  }

  /** Closes the system connection and stops the embedded broker gracefully. */
  @Override
  public synchronized void close() {
    if (repusher != null) {
      repusher.shutdownNow();
      repusher = null;
    }
    if (system != null) {
      try {
        system.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      system = null;
    }
    if (broker != null) {
      broker.close();
      broker = null;
    }
    connectionInfo = null;
  }
}
