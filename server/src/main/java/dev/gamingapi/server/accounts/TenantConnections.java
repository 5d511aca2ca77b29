package dev.gamingapi.server.accounts;

import dev.gamingapi.server.broker.BrokerConnections;
import dev.gamingapi.server.broker.TenantLink;
import io.nats.client.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * The platform's one connection per tenant account, for its own work inside it: the read models',
 * the notifications' and the command tracking's consumers all use it.
 *
 * <p>Each had a connection of its own before: three sockets per tenant on both sides, so a node ran
 * out of file descriptors at about 6,400 tenants under a limit of 20,000 ("too many open files"
 * from nats-server, ./run-bench control --accounts 10000 --plan micro), and three times the
 * buffers, pings and reconnections. A connection carries many consumers; what one holder must hear
 * of it (a consumer in trouble, a reconnection) is told to every holder, and each looks at its own.
 *
 * <p>The connection's internal user does not expire (the broker would drop the connection at
 * expiry); it lives in memory only and goes with the account's JWT.
 */
public final class TenantConnections implements TenantLink.Opener {
  /**
   * Connections being opened at once. A start opens every tenant's at the same moment, and with
   * 3,000 tenants on a busy 2-core machine the handshakes (an nkey signature each side) took longer
   * than the broker's authentication timeout: thousands of "Authentication Timeout", each
   * connection tried again after its consumer's retry delay, and the tenants' start took two
   * minutes. A handshake takes milliseconds when a few run together.
   */
  private static final int OPENING_AT_ONCE = 16;

  private final Semaphore opening = new Semaphore(OPENING_AT_ONCE);
  private final String url;
  private final Accounts accounts;
  private final Map<String, Shared> byAccount = new HashMap<>();

  /** Connections to the broker at {@code url} as internal users of {@code accounts}. */
  public TenantConnections(String url, Accounts accounts) {
    this.url = url;
    this.accounts = accounts;
  }

  @Override
  public synchronized TenantLink open(String account, TenantLink.Listener listener) {
    Shared shared = byAccount.get(account);
    if (shared == null) {
      shared = new Shared(account);
      byAccount.put(account, shared);
    }
    shared.listeners.add(listener);
    return new Hold(shared, listener);
  }

  // The close itself outside the lock: at a stop, every tenant's holders let go together, and a
  // close waits for its connection to end.
  private void release(Shared shared, TenantLink.Listener listener) {
    boolean last;
    synchronized (this) {
      shared.listeners.remove(listener);
      last = shared.listeners.isEmpty() && byAccount.get(shared.account) == shared;
      if (last) {
        byAccount.remove(shared.account);
      }
    }
    if (last) {
      shared.close();
    }
  }

  /** One account's connection and those who hold it. */
  private final class Shared {
    final String account;
    final List<TenantLink.Listener> listeners = new CopyOnWriteArrayList<>();
    private Connection connection;

    Shared(String account) {
      this.account = account;
    }

    // Opened at first use; opened again if it was closed (jnats gives up on a connection only
    // when it is told to, or on an authorization error it cannot recover from).
    synchronized Connection connection() {
      if (connection == null || connection.getStatus() == Connection.Status.CLOSED) {
        opening.acquireUninterruptibly();
        try {
          connection =
              BrokerConnections.connect(
                  url,
                  accounts.internalUser(account, "tenant work", null),
                  "gamingapi " + account,
                  true,
                  () -> listeners.forEach(TenantLink.Listener::consumerTrouble),
                  () -> listeners.forEach(TenantLink.Listener::resubscribed));
        } finally {
          opening.release();
        }
      }
      return connection;
    }

    synchronized void close() {
      if (connection != null) {
        BrokerConnections.closeQuietly(connection);
        connection = null;
      }
    }
  }

  private final class Hold implements TenantLink {
    private final Shared shared;
    private final TenantLink.Listener listener;
    private boolean closed;

    Hold(Shared shared, TenantLink.Listener listener) {
      this.shared = shared;
      this.listener = listener;
    }

    @Override
    public Connection connection() {
      return shared.connection();
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        release(shared, listener);
      }
    }
  }
}
