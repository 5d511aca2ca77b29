package dev.gamingapi.server.app;

import dev.gamingapi.server.access.UserSpec;
import dev.gamingapi.server.accounts.ConnectionCounter;
import dev.gamingapi.server.accounts.TenantBroker;
import dev.gamingapi.server.accounts.TenantConnections;
import dev.gamingapi.server.accounts.plans.Plan;
import dev.gamingapi.server.accounts.plans.PlanCatalog;
import dev.gamingapi.server.broker.BrokerConfig;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.EmbeddedBroker;
import dev.gamingapi.server.broker.NatsServerExecutable;
import dev.gamingapi.server.cluster.SharedKeys;
import dev.gamingapi.server.cluster.TenantLeases;
import dev.gamingapi.server.cluster.TenantOwnership;
import dev.gamingapi.server.commands.Commands;
import dev.gamingapi.server.http.HttpApi;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.MasterKey;
import dev.gamingapi.server.keys.OwnerOnly;
import dev.gamingapi.server.keys.SecretFiles;
import dev.gamingapi.server.lease.LeaseStore;
import dev.gamingapi.server.lease.SingleWriter;
import dev.gamingapi.server.notify.Notifier;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.oauth.OAuthConfig;
import dev.gamingapi.server.readmodel.ReadModels;
import dev.gamingapi.server.resolver.ResolverClient;
import dev.gamingapi.server.store.Database;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.nats.client.Connection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GamingAPI platform: broker (embedded or external), operator keys, the database of tenants,
 * the {@code default} tenant with its {@code EVENTS} stream and first credentials, and the REST
 * API.
 *
 * <p>{@link #start()} is idempotent across runs on the same data directory: the first run creates
 * everything; later runs reuse keys, stream data and creds files, and push an account JWT only when
 * the resolver's copy differs.
 */
public final class Platform implements AutoCloseable {
  /** The embedded broker's directory in the data directory (config, JWTs, store). */
  private static final String NATS_DIR = "nats";

  private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

  /** The tenant created on first start. */
  public static final String DEFAULT_ACCOUNT = "default";

  /** The game server whose creds are written on first start. */
  public static final String DEMO_SERVER = "demo";

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
  private static final String VERSION = "0.1.0";

  // How often account JWTs that some broker node did not confirm are pushed again.
  private static final Duration REPUSH_INTERVAL = Duration.ofSeconds(5);

  private final PlatformConfig config;
  private final PlatformSettings settings;
  private final Clock clock;
  private TenantOwnership ownership;
  private int replicas;
  private Notifier notifier;
  private EmbeddedBroker broker;
  private Connection system;
  private ResolverClient resolver;
  private Database database;
  private TenancyServices tenancy;
  private HttpApi http;
  private Commands commands;
  private TenantStartup tenantStartup;
  private ReadModels readModels;
  private ScheduledExecutorService repusher;
  private BrokerMetrics brokerMetrics;
  private ProcessMetrics processMetrics;
  private ConnectionInfo connectionInfo;
  private String operatorPublicKey;

  /** A platform with {@code settings}; nothing happens until {@link #start()}. */
  public Platform(PlatformSettings settings) {
    this(settings, Clock.systemUTC());
  }

  /**
   * A platform whose time is {@code clock}: what decides when commands and leases expire,
   * suspensions end, rules are paused and servers turn unresponsive, and which period of a
   * leaderboard is current (a test may pass one it moves); nothing happens until {@link #start()}.
   */
  public Platform(PlatformSettings settings, Clock clock) {
    this.settings = settings;
    this.config = settings.platform();
    this.clock = clock;
  }

  /**
   * Starts (or re-attaches to) the broker, opens the database, reconciles the resolver with it,
   * brings the {@code default} tenant, its streams and its creds files to their wanted state, and
   * serves the REST API.
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
      OwnerOnly.directory(dataDir);
      PlanCatalog plans = settings.api().plans();
      OperatorContext operator;
      KeyVault vault;
      String url;
      if (config.embeddedBroker()) {
        vault = KeyVault.open(dataDir.resolve("keys.json"), masterKey(dataDir, true));
        Path natsDir = dataDir.resolve(NATS_DIR);
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
        broker =
            EmbeddedBroker.start(brokerConfig, NatsServerExecutable.find(), config.keepBroker());
        url = broker.url();
        database = Database.open(settings.api().databaseUrl(), dataDir);
      } else {
        operator = OperatorContext.external(config);
        url = config.brokerUrl();
        database = Database.open(settings.api().databaseUrl(), dataDir);
        vault = sharedVault(dataDir);
      }
      operatorPublicKey = operator.operatorPublicKey();
      system = BrokerConnections.connect(url, operator.systemAuth(), "gamingapi-system", true);
      resolver = new ResolverClient(system, operator.trustedSigners(), REQUEST_TIMEOUT);
      repusher = startRepushing(resolver);
      replicas = StreamReplicas.choose(config, resolver);
      TenantBroker tenants = new TenantBroker(url, config.duplicateWindow(), replicas);
      LeaseStore leases = new LeaseStore(database.jdbi(), clock);
      tenancy =
          TenancyServices.create(
              database,
              vault,
              operator.signingKey(),
              resolver,
              plans,
              tenants,
              system,
              new ConnectionCounter(system, REQUEST_TIMEOUT),
              replicas,
              settings.api().quotaSuspension(),
              config.embeddedBroker()
                  ? SingleWriter.local()
                  : SingleWriter.leased(
                      leases,
                      SingleWriter.JWT_WRITER,
                      settings.cluster().instanceId(),
                      settings.cluster().leaseTtl()),
              clock);
      int pushed = tenancy.accounts().reconcile();
      if (pushed > 0) {
        LOG.info("reconciled the resolver with the database: {} account(s) pushed", pushed);
      }
      tenancy.accounts().ensure(DEFAULT_ACCOUNT, Plan.defaultPlan().name());
      // The other tenants' streams are brought to their plans in the background (TenantStartup).
      tenancy.accounts().provision(DEFAULT_ACCOUNT);
      tenancy.servers().ensure(DEFAULT_ACCOUNT, DEMO_SERVER);
      Path credsDir = dataDir.resolve("creds");
      Path owner =
          StartupCreds.ensure(
              tenancy,
              DEFAULT_ACCOUNT,
              new UserSpec("owner", "owner", null, null, null, null),
              credsDir.resolve("owner.creds"));
      Path demo =
          StartupCreds.ensure(
              tenancy,
              DEFAULT_ACCOUNT,
              new UserSpec(DEMO_SERVER, "game_server", DEMO_SERVER, null, null, null),
              credsDir.resolve(DEMO_SERVER + ".creds"));
      Path operatorToken = dataDir.resolve("operator.token");
      tenancy.operatorToken().ensure(operatorToken);
      ownership =
          config.embeddedBroker()
              ? TenantOwnership.all(tenancy.accounts())
              : new TenantLeases(
                  leases,
                  tenancy.accounts(),
                  settings.cluster().instanceId(),
                  settings.cluster().leaseTtl());
      TenantConnections links = new TenantConnections(url, tenancy.accounts());
      notifier =
          Notifier.start(
              database,
              tenancy.accounts(),
              settings.notifications(),
              settings.pulls(),
              links,
              ownership,
              clock);
      commands = Commands.start(tenancy, database, settings.pulls(), links, clock);
      OAuth oauth = OAuth.create(database, tenancy, vault, OAuthConfig.defaults(), clock);
      readModels =
          new ReadModels(
              database,
              tenancy.accounts(),
              tenancy.audit(),
              url,
              settings.readModels(),
              settings.pulls(),
              links,
              ownership);
      http =
          new HttpApi(
              tenancy,
              () -> system != null && system.getStatus() == Connection.Status.CONNECTED,
              database::isUp,
              VERSION,
              notifier,
              commands,
              readModels,
              url,
              clock,
              oauth);
      readModels.start(http.metrics());
      commands.bindMetrics(http.metrics());
      notifier.bindMetrics(http.metrics());
      tenancy.connectionWatch().bindMetrics(http.metrics());
      processMetrics = new ProcessMetrics(http.metrics());
      brokerMetrics =
          new BrokerMetrics(
              resolver,
              () -> system != null && system.getStatus() == Connection.Status.CONNECTED,
              http.metrics());
      int httpPort = http.start(settings.api().httpHost(), settings.api().httpPort());
      tenantStartup = new TenantStartup(tenancy.accounts(), commands, http.metrics());
      tenantStartup.start();
      String httpUrl = "http://" + hostForUrl(settings.api().httpHost()) + ":" + httpPort;
      oauth.issuer(httpUrl);
      String metricsUrl =
          settings.api().metricsPort() == ApiConfig.NO_METRICS_PORT
              ? null
              : "http://127.0.0.1:"
                  + http.startMetricsPort(settings.api().metricsPort())
                  + "/metrics";
      // What this start wrote with the JVM's default modes (configuration, JWTs, tokens) is the
      // owner's only from here on. The broker's store is skipped: nats-server writes it under
      // umask 077, and the walk at the top of start() has tightened what an older version left
      // there (it holds files for every stream of every tenant: one walk per start is enough).
      OwnerOnly.tighten(dataDir, BrokerConfig.storeDir(dataDir.resolve(NATS_DIR)));
      connectionInfo =
          new ConnectionInfo(
              url, owner, Map.of(DEMO_SERVER, demo), dataDir, httpUrl, operatorToken, metricsUrl);
      LOG.info(
          "platform started: broker {} (stream replicas {}), REST API {}{}, data in {}{}",
          url,
          replicas,
          httpUrl,
          metricsUrl == null ? "" : ", metrics " + metricsUrl,
          dataDir.toAbsolutePath(),
          config.embeddedBroker() ? "" : ", instance " + settings.cluster().instanceId());
      return this;
    } catch (IOException e) {
      close();
      throw new DataFileException("cannot prepare the data directory " + config.dataDir(), e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
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

  private MasterKey masterKey(Path dataDir, boolean firstStart) {
    if (config.masterKey() != null) {
      return MasterKey.fromBase64(config.masterKey(), "GAMINGAPI_MASTER_KEY");
    }
    return MasterKey.fromFile(
        dataDir.resolve("master.key"), firstStart && !Files.exists(dataDir.resolve("keys.json")));
  }

  /**
   * External broker: the key vault in the database, shared by every instance, with the entries of a
   * former {@code keys.json} copied in once. Every instance needs the same master key.
   */
  private KeyVault sharedVault(Path dataDir) {
    SharedKeys shared = new SharedKeys(database.jdbi());
    boolean empty = shared.names().isEmpty();
    MasterKey key = masterKey(dataDir, empty);
    int copied = shared.importMissing(KeyVault.readFile(dataDir.resolve("keys.json")));
    if (copied > 0) {
      LOG.info("copied {} key(s) from {} into the database", copied, dataDir.resolve("keys.json"));
    }
    return KeyVault.shared(shared, key);
  }

  /** The replicas of the tenants' streams, as chosen at start. */
  public synchronized int streamReplicas() {
    requireStarted();
    return replicas;
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
      SecretFiles.replace(file, connectionInfo.toJson());
      return file;
    } catch (IOException e) {
      throw new DataFileException("cannot write " + file, e);
    }
  }

  /** The operator's public key. */
  public synchronized String operatorPublicKey() {
    requireStarted();
    return operatorPublicKey;
  }

  /** The public key of the {@code default} tenant account. */
  public synchronized String defaultAccountPublicKey() {
    requireStarted();
    return tenancy.accounts().get(DEFAULT_ACCOUNT).publicKey();
  }

  /** The JWT of the {@code default} tenant account as last pushed. */
  public synchronized String defaultAccountJwt() {
    requireStarted();
    return tenancy.accounts().jwt(DEFAULT_ACCOUNT);
  }

  /** The tenancy services: accounts, servers, users, shares, audit. */
  public synchronized TenancyServices tenancy() {
    requireStarted();
    return tenancy;
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

  /**
   * Tenants whose start (streams brought to their plan, command tracking opened) still runs in the
   * background after {@link #start()}; 0 when every tenant was reached. Also the gauge {@code
   * gamingapi_tenants_starting}.
   */
  public synchronized int tenantsStarting() {
    return tenantStartup == null ? 0 : tenantStartup.left();
  }

  /** Closes the system connection and stops the embedded broker gracefully. */
  @Override
  public synchronized void close() {
    StopWatchLog steps = new StopWatchLog();
    if (tenantStartup != null) {
      steps.run("tenant start-up", tenantStartup::close);
      tenantStartup = null;
    }
    if (brokerMetrics != null) {
      brokerMetrics.close();
      brokerMetrics = null;
    }
    if (processMetrics != null) {
      processMetrics.close();
      processMetrics = null;
    }
    if (http != null) {
      steps.run("http", http::close);
      http = null;
    }
    if (notifier != null) {
      steps.run("notifications", notifier::close);
      notifier = null;
    }
    if (commands != null) {
      steps.run("commands", commands::close);
      commands = null;
    }
    if (readModels != null) {
      steps.run("read models", readModels::close);
      readModels = null;
    }
    if (ownership != null) {
      // releases this instance's tenants: the others take them at once
      steps.run("leases", ownership::close);
      ownership = null;
    }
    if (tenancy != null) {
      steps.run("connection watch", tenancy.connectionWatch()::close);
      tenancy = null;
    }
    if (database != null) {
      steps.run("database", database::close);
      database = null;
    }
    if (repusher != null) {
      repusher.shutdownNow();
      repusher = null;
    }
    if (system != null) {
      steps.run("system connection", this::closeSystem);
      system = null;
    }
    if (broker != null) {
      steps.run("broker", broker::close);
      broker = null;
    }
    connectionInfo = null;
    steps.log();
  }

  private void closeSystem() {
    try {
      system.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
