package dev.gamingapi.sdk.internal;

import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.cloudevents.EncodedEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.subject.Subjects;
import dev.gamingapi.sdk.CredentialsRefusedException;
import dev.gamingapi.sdk.FlushTimeoutException;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.JournalFullException;
import dev.gamingapi.sdk.JournalFullPolicy;
import dev.gamingapi.sdk.PayloadTooLargeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The publishing side of a game-server client: validate and encode on the caller's thread, append
 * to the journal, wake the sender. Nothing here waits for the broker except {@link #flush} and a
 * full journal under {@link JournalFullPolicy#BLOCK}.
 */
public final class Publisher implements AutoCloseable {
  private static final long WAIT_STEP = TimeUnit.MILLISECONDS.toNanos(1);

  private final ClientSettings settings;
  private final Journal journal;
  private final MaxPayload maxPayload;
  private final HandOff handOff;
  private final Sender sender;
  private volatile boolean closed;

  private Publisher(ClientSettings settings, Journal journal, MaxPayload maxPayload) {
    this.settings = settings;
    this.journal = journal;
    this.maxPayload = maxPayload;
    this.handOff = new HandOff(Math.max(1024, 2 * settings.maxInFlight()));
    String inbox = Subjects.inboxPrefix(settings.serverId());
    SenderSettings senderSettings =
        new SenderSettings(
            errors ->
                ConnectionOptions.gameServer(
                    settings.url(), settings.credentials(), settings.serverId(), inbox, errors),
            settings.maxInFlight(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            settings.credentials(),
            settings.onCredentialsRefused(),
            settings.journalDir(),
            settings.onEventRejected(),
            settings.journalMaxAge(),
            settings.clock());
    this.sender =
        new Sender(
            journal,
            maxPayload,
            handOff,
            senderSettings,
            "gamingapi-sender-" + settings.serverId());
  }

  /** The options this publisher was started with. */
  public ClientSettings settings() {
    return settings;
  }

  /**
   * Opens the journal (re-sending what an earlier run left) and starts the sender.
   *
   * @throws dev.gamingapi.sdk.JournalException when the journal cannot be opened, or holds events
   *     of another server (they are never sent with this server's credential)
   */
  public static Publisher start(ClientSettings settings) {
    Journal journal = Journal.open(settings.journalDir(), settings.segmentSize());
    try {
      JournalOwner.check(journal, settings.journalDir(), settings.serverId());
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    Publisher publisher = new Publisher(settings, journal, MaxPayload.load(settings.journalDir()));
    publisher.sender.start();
    return publisher;
  }

  /** Validates, journals and schedules {@code event}; throws before journaling if it is bad. */
  public void accept(Event event) {
    if (closed) {
      throw new GamingApiException("this GameServerClient is closed");
    }
    throwIfRefused();
    EncodedEvent encoded = CloudEventsCodec.encode(event); // checks ids, type and scope
    long size = JournalRecord.wireSize(encoded);
    long limit = maxPayload.bytes();
    if (size > limit) {
      throw new PayloadTooLargeException(event.id(), size, limit);
    }
    long journaledAt = settings.clock().millis();
    byte[] payload = JournalRecord.encode(encoded, journaledAt);
    int crc = Journal.crc(payload);
    JournalRecord.Stored message =
        new JournalRecord.Stored(JournalRecord.message(encoded), journaledAt);
    awaitRoom(payload.length);
    synchronized (handOff) { // hand-off entries must be in journal order
      handOff.offer(journal.append(payload, crc), message);
    }
    sender.wakeUp();
  }

  private void awaitRoom(int bytes) {
    if (fits(bytes)) {
      return;
    }
    long deadline = System.nanoTime() + settings.maxBlock().toNanos();
    while (settings.whenJournalFull() == JournalFullPolicy.BLOCK && !closed) {
      if (fits(bytes)) {
        return;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw journalFull("waited " + settings.maxBlock() + " (policy BLOCK)");
      }
      LockSupport.parkNanos(WAIT_STEP); // acknowledgements take milliseconds at best
    }
    throw journalFull(closed ? "the client was closed" : "policy REFUSE");
  }

  private boolean fits(int bytes) {
    long unacked = journal.unackedBytes();
    // An empty journal always takes one event, so one large event cannot block forever.
    return unacked == 0 || unacked + Journal.FRAME + bytes <= settings.journalMaxBytes();
  }

  private JournalFullException journalFull(String why) {
    return new JournalFullException(
        "journal "
            + settings.journalDir()
            + " holds "
            + journal.unackedBytes()
            + " bytes of unacknowledged events, its limit is "
            + settings.journalMaxBytes()
            + " bytes; "
            + why
            + (sender.isConnected() ? "" : "; the broker is not connected"));
  }

  /**
   * Waits until every event accepted before the call is acknowledged or rejected; throws the latest
   * rejection if the broker refused an event since the previous flush.
   */
  public void flush(Duration timeout) {
    long target = journal.acceptedCount();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (journal.ackedCount() < target) {
      throwIfRefused();
      if (System.nanoTime() - deadline >= 0) {
        throw new FlushTimeoutException(timeout, journal.pendingCount());
      }
      LockSupport.parkNanos(WAIT_STEP);
    }
    sender.throwIfRejectedSinceLastCall();
  }

  /** Once the broker refused the credentials for good, nothing more can be sent: say so. */
  private void throwIfRefused() {
    CredentialsRefusedException refusal = sender.refusal();
    if (refusal != null) {
      throw refusal;
    }
  }

  /** Accepted and not yet acknowledged. */
  public long pending() {
    return journal.pendingCount();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    sender.stop();
    journal.close();
  }
}
