package dev.gamingapi.sdk;

import dev.gamingapi.contract.subject.EventFilter;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.sdk.internal.ConnectionOptions;
import dev.gamingapi.sdk.internal.Credentials;
import dev.gamingapi.sdk.internal.CredentialsRefusal;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Nats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a tenant's event log: {@link #replay} what is stored, {@link #subscribe} to what comes.
 * Uses ordered consumers, which need no acknowledgements and leave nothing behind on the broker.
 *
 * <pre>{@code
 * try (EventReader reader = EventReader.connect("nats://127.0.0.1:4222", Path.of("owner.creds"));
 *     ReplayStream events = reader.replay(ReadRequest.fromStart(new EventFilter("demo", null, null)))) {
 *   for (StoredEvent event : events) {
 *     System.out.println(event.sequence() + " " + event.type());
 *   }
 * }
 * }</pre>
 *
 * <p>When the broker refuses the credentials for good (revoked, account deleted, or expired), the
 * reader stops instead of reconnecting forever: it calls the callback given to {@link
 * #connect(String, Path, Consumer)} once, closes its connection, and a replay in progress (and any
 * later read) throws the same {@link CredentialsRefusedException}, whose one-line message starts
 * with {@code credentials revoked} or {@code credentials expired at}.
 */
public final class EventReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventReader.class);

  private final Connection connection;
  private final JetStream jetStream;
  private final AtomicReference<CredentialsRefusedException> refusal;

  private final boolean app;

  private EventReader(
      Connection connection, boolean app, AtomicReference<CredentialsRefusedException> refusal)
      throws IOException {
    this.connection = connection;
    this.jetStream = connection.jetStream();
    this.app = app;
    this.refusal = refusal;
  }

  /**
   * Connects with an owner's or app's credentials ({@code null} for a broker without auth).
   *
   * @throws CredentialsException when the creds file is missing or malformed
   * @throws GamingApiException when the broker cannot be reached
   */
  public static EventReader connect(String url, Path credsFileOrNull) {
    return connect(url, credsFileOrNull, refused -> {});
  }

  /**
   * Connects like {@link #connect(String, Path)}, and calls {@code onCredentialsRefused} once, on a
   * jnats thread, when the broker refuses the credentials for good; the reader is then closed.
   *
   * @throws CredentialsRefusedException when the broker refuses the credentials at connect
   */
  public static EventReader connect(
      String url,
      Path credsFileOrNull,
      Consumer<CredentialsRefusedException> onCredentialsRefused) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(onCredentialsRefused, "onCredentialsRefused");
    String inbox = null;
    if (credsFileOrNull != null) {
      inbox = Credentials.load(credsFileOrNull).inboxPrefix().orElse(null);
    }
    AtomicReference<CredentialsRefusedException> refusal = new AtomicReference<>();
    AtomicReference<Connection> opened = new AtomicReference<>();
    Consumer<String> errors =
        error ->
            CredentialsRefusal.of(error, credsFileOrNull)
                .ifPresent(refused -> refuse(refusal, refused, opened.get(), onCredentialsRefused));
    try {
      // Only an app's credential has its own inbox prefix, and only an app's reads are scoped.
      Connection connection =
          Nats.connect(ConnectionOptions.reader(url, credsFileOrNull, inbox, errors));
      opened.set(connection);
      if (refusal.get() != null) {
        closeQuietly(connection);
        throw refusal.get();
      }
      return new EventReader(connection, inbox != null, refusal);
    } catch (IOException e) {
      if (refusal.get() != null) {
        throw refusal.get();
      }
      Optional<CredentialsRefusedException> refused =
          CredentialsRefusal.of(e.getMessage(), credsFileOrNull);
      if (refused.isPresent()) {
        throw refused.get();
      }
      throw new GamingApiException("cannot connect to " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GamingApiException("interrupted while connecting to " + url, e);
    }
  }

  /**
   * Records the first refusal, tells the application once, and closes the connection, on another
   * thread: jnats would otherwise reconnect forever, and a connection may not close itself from its
   * own error listener's thread.
   */
  private static void refuse(
      AtomicReference<CredentialsRefusedException> refusal,
      CredentialsRefusedException refused,
      Connection connection,
      Consumer<CredentialsRefusedException> callback) {
    if (!refusal.compareAndSet(null, refused)) {
      return;
    }
    LOG.error("event reader stopped: {}", refused.getMessage());
    if (connection != null) {
      Thread.ofVirtual().name("gamingapi-reader-close").start(() -> closeQuietly(connection));
    }
    callback.accept(refused);
  }

  /** The refusal that stopped this reader, if the broker refused its credentials for good. */
  public Optional<CredentialsRefusedException> credentialsRefusal() {
    return Optional.ofNullable(refusal.get());
  }

  private void throwIfRefused() {
    CredentialsRefusedException refused = refusal.get();
    if (refused != null) {
      throw refused;
    }
  }

  /**
   * The selected events stored now, in stream order, from the requested position up to the last
   * sequence present at this call.
   *
   * @throws CredentialsRefusedException from here or from the stream's iteration, once the broker
   *     refused the credentials for good
   */
  public ReplayStream replay(ReadRequest request) {
    Objects.requireNonNull(request, "request");
    throwIfRefused();
    EventFilter filter = request.filter();
    try {
      long last =
          connection
              .jetStreamManagement()
              .getStreamInfo(ReadConsumers.STREAM)
              .getStreamState()
              .getLastSequence();
      JetStreamSubscription subscription =
          jetStream.subscribe(filter.natsSubject(), ReadConsumers.options(request));
      boolean empty = last == 0 || request.fromSequence() > last;
      return new ReplayStream(subscription, clientFilter(filter), last, empty, refusal::get);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throwIfRefused();
      throw cannotRead("replay", filter, e);
    }
  }

  /**
   * Delivers the selected events from the requested position on, then new ones as they are stored,
   * to {@code handler} on one thread in stream order. Survives broker restarts: it resumes after
   * the last delivered sequence, with no gap and no repeat. Delivery ends when the broker refuses
   * the credentials for good: the callback given to {@link #connect(String, Path, Consumer)} says
   * so.
   *
   * @throws CredentialsRefusedException once the broker refused the credentials for good
   */
  public Subscription subscribe(ReadRequest request, Consumer<StoredEvent> handler) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(handler, "handler");
    throwIfRefused();
    LiveHandler live = new LiveHandler(handler, clientFilter(request.filter()));
    Dispatcher dispatcher = connection.createDispatcher();
    try {
      jetStream.subscribe(
          request.filter().natsSubject(), dispatcher, live, false, ReadConsumers.options(request));
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      throwIfRefused();
      connection.closeDispatcher(dispatcher);
      throw cannotRead("subscribe to", request.filter(), e);
    }
    return new Subscription(
        () -> {
          if (connection.getStatus() != Connection.Status.CLOSED) {
            connection.closeDispatcher(dispatcher);
          }
        },
        live::lastSequence);
  }

  /**
   * Why a read failed. An app scoped to some servers or types may not read every event, and
   * nats-server 2.9 filters a consumer on one kind of subject only (server events or player
   * events), so an app's read without a type or a player, or of all servers when it has some, asks
   * for more than it may, and the broker does not even answer: say so, and what to give, rather
   * than pass on a JetStream timeout.
   */
  private GamingApiException cannotRead(String what, EventFilter filter, Exception e) {
    if (app && e instanceof IOException) {
      String give =
          filter.natsSubject().equals(Subjects.REST)
              ? "give a type (player.connected, or a family such as player.*) or a player"
              : "give only servers and types of the app's scope";
      return new GamingApiException(
          "cannot "
              + what
              + " "
              + filter
              + ": the broker refused these app credentials, which read only the events of their"
              + " scope (its servers and types), one kind at a time; "
              + give
              + (filter.serverId() == null ? ", and a server if the app has some" : ""),
          e);
    }
    return new GamingApiException("cannot " + what + " " + filter + ": " + e.getMessage(), e);
  }

  private static EventFilter clientFilter(EventFilter filter) {
    return ReadConsumers.needsClientFilter(filter) ? filter : null;
  }

  /** Closes the connection and every replay and subscription made through it. */
  @Override
  public void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
