package dev.gamingapi.server.broker;

import io.nats.client.AuthHandler;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's own connections to the broker, with errors reported through SLF4J. */
public final class BrokerConnections {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerConnections.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private BrokerConnections() {}

  /**
   * Connects to {@code url} as {@code auth}; {@code reconnect} for long-lived connections, which
   * then survive a broker restart.
   *
   * @throws BrokerException naming the URL and the connection when the broker cannot be reached
   */
  public static Connection connect(String url, AuthHandler auth, String name, boolean reconnect) {
    Options options =
        Options.builder()
            .server(url)
            .authHandler(auth)
            .connectionName(name)
            .connectionTimeout(TIMEOUT)
            .maxReconnects(reconnect ? -1 : 0)
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
      throw new BrokerException("cannot connect to the broker at " + url + " as " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerException("interrupted while connecting to " + url, e);
    }
  }

  /**
   * Closes {@code connection} to the end, keeping the interrupt flag.
   *
   * <p>jnats stops half way through {@code close()} on a thread that is interrupted, leaving the
   * connection's executor threads (not daemons) running; so the close runs with the flag cleared
   * and the flag is set again afterwards.
   */
  public static void closeQuietly(Connection connection) {
    boolean interrupted = Thread.interrupted();
    try {
      connection.close();
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
