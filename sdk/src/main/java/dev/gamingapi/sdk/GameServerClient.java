package dev.gamingapi.sdk;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.Resends;
import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.sdk.internal.ClientSettings;
import dev.gamingapi.sdk.internal.Credentials;
import dev.gamingapi.sdk.internal.Publisher;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A game server's connection to GamingAPI: publishes its events, never silently losing one.
 *
 * <p>{@link #publish(EventData)} validates the event, appends it to an on-disk journal and returns
 * its id; a background sender then publishes it to the broker's {@code EVENTS} stream in order,
 * with the event id as {@code Nats-Msg-Id}. Events not yet acknowledged survive a broker outage, a
 * lost connection and a crash of this process: they are re-sent, in order and with their original
 * ids, and the broker drops the duplicates. {@link #flush(Duration)} waits for the
 * acknowledgements.
 *
 * <pre>{@code
 * try (GameServerClient client = GameServerClient.builder()
 *     .url("nats://events.example.com:4222")
 *     .credentials(Path.of("demo.creds"))
 *     .build()) {
 *   client.publish(new PlayerConnected("steam_1", "Alice", null));
 *   client.flush(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Thread-safe: any thread may publish; events keep the order in which {@code publish} accepted
 * them.
 */
public final class GameServerClient implements AutoCloseable {
  private final String serverId;
  private final Publisher publisher;

  private GameServerClient(String serverId, Publisher publisher) {
    this.serverId = serverId;
    this.publisher = publisher;
  }

  /** A builder; see {@link Builder} for the options and their defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Publishes {@code data} as a new event of this server, with a new id and the current time.
   *
   * @return the event id, once the event is in the journal (it survives a crash of this process)
   * @throws dev.gamingapi.contract.ContractException for bad input (invalid player id, unknown
   *     type), before anything is journaled
   * @throws PayloadTooLargeException when the event exceeds the broker's max payload
   * @throws JournalFullException when the journal is full (see {@link JournalFullPolicy})
   * @throws CredentialsRefusedException once the broker refused the credentials for good
   */
  public String publish(EventData data) {
    Objects.requireNonNull(data, "data");
    Event event = Event.of(serverId, data);
    publisher.accept(event);
    return event.id();
  }

  /**
   * Publishes an event with the caller's id and time (an id reused within the broker's
   * de-duplication window is stored once). Its server id must be this client's.
   *
   * @return the event id, once the event is in the journal
   * @throws InvalidEventException when the event belongs to another server, or its type or player
   *     does not fit its data
   */
  public String publish(Event event) {
    Objects.requireNonNull(event, "event");
    if (!serverId.equals(event.serverId())) {
      throw new InvalidEventException(
          "event "
              + event.id()
              + " is of server '"
              + event.serverId()
              + "'; this client publishes as '"
              + serverId
              + "'");
    }
    String dataType = EventCatalog.typeOf(event.data());
    if (!dataType.equals(event.type())) {
      throw new InvalidEventException(
          "event type '" + event.type() + "' does not match its data, which is " + dataType);
    }
    if (!Objects.equals(EventCatalog.playerOf(event.data()), event.playerId())) {
      throw new InvalidEventException(
          "event player '" + event.playerId() + "' does not match its data's player_id");
    }
    publisher.accept(event);
    return event.id();
  }

  /**
   * Waits until every event accepted before this call is acknowledged by the broker.
   *
   * @throws FlushTimeoutException with the number still pending when {@code timeout} passes
   * @throws CredentialsRefusedException once the broker refused the credentials for good
   * @throws EventRejectedException when the broker refused an event for good since the previous
   *     flush (it is in the rejected file, not in the journal)
   */
  public void flush(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    publisher.flush(timeout);
  }

  /** Events accepted (including those left by an earlier run) and not yet acknowledged. */
  public long pending() {
    return publisher.pending();
  }

  /** The broker URL and credentials, for the {@link CommandReceiver} of this server. */
  ClientSettings settings() {
    return publisher.settings();
  }

  /** The server id this client publishes as. */
  public String serverId() {
    return serverId;
  }

  /** Stops sending; events not yet acknowledged stay in the journal for the next start. */
  @Override
  public void close() {
    publisher.close();
  }

  /**
   * Options of a {@link GameServerClient}. Setters check their value at once; {@link #build()}
   * checks the credentials and the server id.
   */
  public static final class Builder {
    private String url = "nats://127.0.0.1:4222";
    private Path credentials;
    private String serverId;
    private Path journalDir;
    private int maxInFlight = 1000;
    private long journalMaxBytes = 256L * 1024 * 1024;
    private JournalFullPolicy whenJournalFull = JournalFullPolicy.BLOCK;
    private Duration maxBlock = Duration.ofSeconds(30);
    private Consumer<CredentialsRefusedException> onCredentialsRefused = refusal -> {};
    private Consumer<EventRejectedException> onEventRejected = rejection -> {};
    private Duration journalMaxAge = Resends.MAX_JOURNAL_AGE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The broker URL; default {@code nats://127.0.0.1:4222}. */
    public Builder url(String url) {
      if (url == null || url.isBlank()) {
        throw new IllegalArgumentException("url must not be blank");
      }
      this.url = url;
      return this;
    }

    /** The game server's NATS creds file; without one the client connects without auth. */
    public Builder credentials(Path credsFile) {
      this.credentials = credsFile;
      return this;
    }

    /** The server id; default: the {@code server:} tag of the credentials. */
    public Builder serverId(String serverId) {
      this.serverId = Ids.server(serverId);
      return this;
    }

    /** Where the journal lives; default {@code ./gamingapi-journal/<serverId>}. */
    public Builder journalDir(Path journalDir) {
      this.journalDir = Objects.requireNonNull(journalDir, "journalDir");
      return this;
    }

    /** Most publishes awaiting the broker's acknowledgement at a time; default 1000. */
    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > 100_000) {
        throw new IllegalArgumentException("maxInFlight must be 1 to 100000, got " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** Most bytes of unacknowledged events the journal holds; default 256 MiB. */
    public Builder journalMaxBytes(long journalMaxBytes) {
      if (journalMaxBytes < 4096) {
        throw new IllegalArgumentException(
            "journalMaxBytes must be at least 4096, got " + journalMaxBytes);
      }
      this.journalMaxBytes = journalMaxBytes;
      return this;
    }

    /** What publish does when the journal is full; default {@link JournalFullPolicy#BLOCK}. */
    public Builder whenJournalFull(JournalFullPolicy policy) {
      this.whenJournalFull = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How long {@link JournalFullPolicy#BLOCK} waits before refusing; default 30 s. */
    public Builder maxBlock(Duration maxBlock) {
      if (maxBlock == null || maxBlock.isNegative()) {
        throw new IllegalArgumentException("maxBlock must be zero or more, got " + maxBlock);
      }
      this.maxBlock = maxBlock;
      return this;
    }

    /**
     * The longest an event may wait in the journal before being sent (re-sends after a lost
     * acknowledgement included), counted from its publish on this machine's clock, whatever its
     * {@code ce-time}; default and most {@link Resends#MAX_JOURNAL_AGE} (7 days), the longest the
     * platform promises to recognize a re-send. An older event is not sent: it goes to {@code
     * rejected.jsonl} as an {@link EventExpiredException} (see {@link #onEventRejected}).
     */
    public Builder journalMaxAge(Duration journalMaxAge) {
      if (journalMaxAge == null
          || journalMaxAge.isNegative()
          || journalMaxAge.isZero()
          || journalMaxAge.compareTo(Resends.MAX_JOURNAL_AGE) > 0) {
        throw new IllegalArgumentException(
            "journalMaxAge must be positive and at most "
                + Resends.MAX_JOURNAL_AGE
                + ", got "
                + journalMaxAge);
      }
      this.journalMaxAge = journalMaxAge;
      return this;
    }

    // The clock of the journal's append times: tests move it to a window's edge.
    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Called once, on the sender's thread, when the broker refuses the credentials for good
     * (revoked, expired, or their account deleted). The client has stopped sending by then; {@code
     * publish} and {@code flush} throw the same exception from then on, and unsent events stay in
     * the journal. Default: the refusal is only logged (at ERROR).
     */
    public Builder onCredentialsRefused(Consumer<CredentialsRefusedException> callback) {
      this.onCredentialsRefused = Objects.requireNonNull(callback, "callback");
      return this;
    }

    /**
     * Called, on the sender's thread, for each event the broker refused for good (a {@code
     * Permissions Violation}) or that waited in the journal longer than {@link #journalMaxAge} (an
     * {@link EventExpiredException}), after it was moved out of the journal to {@code
     * rejected.jsonl} in the journal directory. The next {@link GameServerClient#flush} also throws
     * the latest such {@link EventRejectedException}. Default: the rejection is only logged (at
     * ERROR).
     */
    public Builder onEventRejected(Consumer<EventRejectedException> callback) {
      this.onEventRejected = Objects.requireNonNull(callback, "callback");
      return this;
    }

    /**
     * Opens the journal (events an earlier run left are sent first) and starts connecting in the
     * background; returns at once even when the broker is down.
     *
     * @throws CredentialsException when the creds file is missing or malformed, names no server and
     *     no server id was set, or is another server's than the one set
     * @throws JournalException when the journal cannot be opened, or holds events of another server
     */
    public GameServerClient build() {
      String id = serverId;
      if (credentials != null) {
        Credentials creds = Credentials.load(credentials);
        if (id == null) {
          id =
              Ids.server(
                  creds
                      .serverId()
                      .orElseThrow(
                          () ->
                              new CredentialsException(
                                  credentials, "has no 'server:<id>' tag; set serverId(...)")));
        } else if (creds.serverId().isPresent() && !creds.serverId().get().equals(id)) {
          // A credential publishes for its own server only: refused here, not by the broker later.
          throw new CredentialsException(
              credentials,
              "is the credential of server '"
                  + creds.serverId().get()
                  + "', not of server '"
                  + id
                  + "'");
        }
      }
      if (id == null) {
        throw new IllegalStateException(
            "set serverId(...) or credentials(...) of a game server (with a server: tag)");
      }
      Path dir = journalDir != null ? journalDir : Path.of("gamingapi-journal", id);
      ClientSettings settings =
          new ClientSettings(
              url,
              credentials,
              id,
              dir,
              maxInFlight,
              journalMaxBytes,
              whenJournalFull,
              maxBlock,
              onCredentialsRefused,
              onEventRejected,
              journalMaxAge,
              clock);
      return new GameServerClient(id, Publisher.start(settings));
    }
  }
}
