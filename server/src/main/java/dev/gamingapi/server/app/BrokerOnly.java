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

/**
 * The embedded broker of a data directory started alone, as {@link Platform#start()} would start it
 * (same keys, same {@code nats} directory), but with no tenant's worker, REST API or stream
 * provisioning: a restore fills it with account JWTs and stream snapshots before the platform runs,
 * so that nothing consumes or provisions a stream while it is being replaced.
 */
public final class BrokerOnly implements AutoCloseable {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private final EmbeddedBroker broker;
  private final Connection system;
  private final ResolverClient resolver;

  private BrokerOnly(EmbeddedBroker broker, Connection system, ResolverClient resolver) {
    this.broker = broker;
    this.system = system;
    this.resolver = resolver;
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
      Connection system =
          BrokerConnections.connect(
              broker.url(), operator.systemAuth(), "gamingapi-restore-system", false);
      return new BrokerOnly(
          broker, system, new ResolverClient(system, operator.trustedSigners(), REQUEST_TIMEOUT));
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  /** The broker's client URL. */
  public String url() {
    return broker.url();
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

  /** Closes the system connection and stops the broker gracefully (its store is kept). */
  @Override
  public void close() {
    BrokerConnections.closeQuietly(system);
    broker.close();
  }
}
