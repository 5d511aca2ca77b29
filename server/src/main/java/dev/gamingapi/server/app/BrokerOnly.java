package dev.gamingapi.server.app;

import dev.gamingapi.server.broker.BrokerConfig;
import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.EmbeddedBroker;
import dev.gamingapi.server.broker.NatsServerExecutable;
import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.resolver.ResolverClient;
import io.nats.client.Connection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The broker of a platform without the platform: the embedded broker of a data directory started
 * alone, as {@link Platform#start()} would start it (same keys, same {@code nats} directory), or an
 * external broker reached as the platform reaches it (its system user, its operator). No tenant's
 * worker, REST API or stream provisioning: a restore fills it with account JWTs and stream
 * snapshots before the platform runs, so that nothing consumes or provisions a stream while it is
 * replaced.
 */
public final class BrokerOnly implements AutoCloseable {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final EmbeddedBroker broker;
  private final String url;
  private final Connection system;
  private final ResolverClient resolver;
  private final String operatorPublicKey;

  private BrokerOnly(
      EmbeddedBroker broker,
      String url,
      Connection system,
      ResolverClient resolver,
      String operatorPublicKey) {
    this.broker = broker;
    this.url = url;
    this.system = system;
    this.resolver = resolver;
    this.operatorPublicKey = operatorPublicKey;
  }

  /**
   * Starts the embedded broker of {@code dataDir} on a free loopback port, with the operator and
   * system account of {@code vault}, and connects its system user.
   */
  public static BrokerOnly start(KeyVault vault, Path dataDir) {
    Path natsDir = dataDir.resolve("nats");
    OperatorContext operator = OperatorContext.embedded(vault, natsDir);
    BrokerConfig config =
        new BrokerConfig(
            freePort(),
            "gamingapi",
            natsDir,
            natsDir.resolve("operator.jwt"),
            operator.systemAccount(),
            operator.systemAccountJwt());
    EmbeddedBroker broker = EmbeddedBroker.start(config, NatsServerExecutable.find());
    try {
      return connect(broker, broker.url(), operator);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /**
   * Connects to the external broker of {@code config} as its system user, with the operator files
   * {@code gamingapi up} would read (checked the same way: the signing seed must be a signing key
   * of the operator JWT).
   */
  public static BrokerOnly external(PlatformConfig config) {
    if (config.embeddedBroker()) {
      throw new InvalidConfigException("no external broker configured (GAMINGAPI_BROKER_URL)");
    }
    return connect(null, config.brokerUrl(), OperatorContext.external(config));
  }

  /** Connects to the broker at {@code url} ({@code broker}, or null for an external one). */
  private static BrokerOnly connect(EmbeddedBroker broker, String url, OperatorContext operator) {
    Connection system =
        BrokerConnections.connect(url, operator.systemAuth(), "gamingapi-restore-system", false);
    return new BrokerOnly(
        broker,
        url,
        system,
        new ResolverClient(system, operator.trustedSigners(), REQUEST_TIMEOUT),
        operator.operatorPublicKey());
  }

  /** The broker's client URL. */
  public String url() {
    return url;
  }

  /** The public key of the operator the broker trusts. */
  public String operatorPublicKey() {
    return operatorPublicKey;
  }

  /** The account public keys the broker's resolver holds. */
  public Set<String> accounts() {
    return resolver.listAccounts();
  }

  /**
   * The replicas the platform would give the tenants' streams on this broker ({@code
   * GAMINGAPI_REPLICAS} of {@code config}, or auto: 3 on a cluster of 3+ JetStream nodes, else 1).
   */
  public int streamReplicas(PlatformConfig config) {
    return StreamReplicas.choose(config, resolver);
  }

  /** Hands {@code accountJwt} to the broker's resolver (it keeps it in its {@code jwt} dir). */
  public void pushAccount(String accountJwt) {
    resolver.push(accountJwt);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new DataFileException("cannot find a free port for the broker", e);
    }
  }

  /**
   * Closes the system connection and stops an embedded broker gracefully (its store is kept); an
   * external broker keeps running.
   */
  @Override
  public void close() {
    BrokerConnections.closeQuietly(system);
    if (broker != null) {
      broker.close();
    }
  }
}
