package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.CredentialsRefusedException;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Nats;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves journaled events to the broker, in journal order, with at most {@code
 * maxInFlight} unacknowledged {@code publishAsync} calls.
 *
 * <p>Why a fresh connection after every failure instead of jnats's own reconnect: jnats keeps the
 * messages queued in a broken connection and writes them after it reconnects. If an earlier message
 * was lost with the socket, those later ones would be stored before its re-send, out of order. A
 * connection that never reconnects takes its queue with it, so the journal is the only source of
 * re-sends: rewind to the lowest unacknowledged record and send again, in order, with the original
 * ids (the broker's de-duplication window drops what it already has).
 *
 * <p>Why one event at a time after a (re)connect: right after a broker restart the stream may
 * answer 503 for a moment; pipelining into that could store event n+1 while event n bounced. The
 * first acknowledgement proves the stream is there, then the full window opens.
 */
public final class Sender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Journal journal;
  private final MaxPayload maxPayload;
  private final HandOff handOff;
  private final SenderSettings settings;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile boolean idle;
  private volatile Connection connection;
  private volatile CredentialsRefusedException refusal;
  private final Rejections rejections;
  private long rejectionsReported;

  Sender(
      Journal journal,
      MaxPayload maxPayload,
      HandOff handOff,
      SenderSettings settings,
      String name) {
    this.journal = journal;
    this.maxPayload = maxPayload;
    this.handOff = handOff;
    this.settings = settings;
    this.rejections = new Rejections(settings.journalDir(), settings.onRejected());
    this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this);
  }

  public void start() {
    thread.start();
  }

  /** Tells an idle sender that a record was appended; cheap when the sender is busy. */
  public void wakeUp() {
    if (idle) {
      LockSupport.unpark(thread);
    }
  }

  /** Whether a broker connection is up right now. */
  public boolean isConnected() {
    Connection current = connection;
    return current != null && current.getStatus() == Connection.Status.CONNECTED;
  }

  /** Why the broker refused the credentials for good, or null while it has not. */
  public CredentialsRefusedException refusal() {
    return refusal;
  }

  /** Throws the latest rejection when events were rejected since the previous call. */
  synchronized void throwIfRejectedSinceLastCall() {
    long count = rejections.count();
    if (count > rejectionsReported) {
      rejectionsReported = count;
      throw rejections.last();
    }
  }

  /** Stops sending and closes the connection; unacknowledged records stay in the journal. */
  public void stop() {
    stopping = true;
    LockSupport.unpark(thread);
    Connection current = connection;
    if (current != null) {
      closeQuietly(current);
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void run() {
    long backoffMillis = 20;
    while (!stopping) {
      Connection current = connect();
      if (current == null) {
        pause(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, settings.maxBackoff().toMillis());
        continue;
      }
      connection = current;
      try {
        pump(current);
      } catch (SendFailure failure) {
        if (!stopping) {
          LOG.warn("sending to the broker failed, re-sending from the journal: {}", failure.reason);
        }
      } finally {
        connection = null;
        rejections.clear();
        closeQuietly(current);
      }
      backoffMillis = 20;
    }
  }

  private Connection connect() {
    try {
      Connection current =
          Nats.connect(settings.connectionOptions().apply(rejections::brokerError));
      maxPayload.update(current.getServerInfo().getMaxPayload());
      return current;
    } catch (IOException e) {
      Optional<CredentialsRefusedException> refused =
          CredentialsRefusal.of(e.getMessage(), settings.credentials());
      if (refused.isPresent()) {
        refuse(refused.get());
      } else {
        LOG.debug("broker not reachable yet: {}", e.getMessage());
      }
      return null;
    } catch (InterruptedException e) {
      stopping = true;
      return null;
    }
  }

  /**
   * Revoked or expired credentials are refused on every connect: stop instead of retrying forever,
   * and tell the application once. The unsent events stay in the journal.
   */
  private void refuse(CredentialsRefusedException reason) {
    refusal = reason;
    stopping = true;
    LOG.error(
        "{}; stopped sending, {} events stay in the journal",
        reason.getMessage(),
        journal.pendingCount());
    try {
      settings.onRefused().accept(reason);
    } catch (RuntimeException e) {
      LOG.warn("the onCredentialsRefused callback threw", e);
    }
  }

  private void pump(Connection current) {
    JetStream jetStream;
    try {
      jetStream = current.jetStream();
    } catch (IOException e) {
      throw new SendFailure("no JetStream context: " + e.getMessage());
    }
    JournalReader reader = journal.reader(journal.ackedPosition());
    InFlight window = new InFlight(settings.maxInFlight());
    int limit = 1;
    while (!stopping) {
      if (settle(window) && limit == 1) {
        limit = settings.maxInFlight();
      }
      if (window.size() < limit && reader.hasNext()) {
        send(jetStream, reader, window);
        continue;
      }
      if (current.getStatus() != Connection.Status.CONNECTED) {
        throw new SendFailure("connection " + current.getStatus());
      }
      idle(window, reader, limit);
    }
  }

  // An event that will not be sent (reported already): done at once, so the journal moves past it.
  private static void skip(InFlight window, NatsMessage message, JournalReader reader) {
    window.add(
        CompletableFuture.completedFuture(null),
        message,
        reader.position(),
        reader.lastFrameBytes());
  }

  private void send(JetStream jetStream, JournalReader reader, InFlight window) {
    NatsMessage message = reader.next(handOff);
    if (expired(message, reader.lastJournaledAt())) {
      skip(window, message, reader);
      return;
    }
    long size = message.getHeaders().serializedLength() + (long) message.getData().length;
    if (size > maxPayload.bytes()) {
      // Journaled under a larger limit than this broker's: it can never be delivered, and
      // retrying it forever would block every later event. Say so loudly and move on.
      LOG.error(
          "event {} ({} bytes) exceeds the broker's max payload of {} bytes and cannot be"
              + " delivered; removing it from the journal",
          message.getHeaders().getFirst("ce-id"),
          size,
          maxPayload.bytes());
      skip(window, message, reader);
      return;
    }
    CompletableFuture<PublishAck> future;
    try {
      future = jetStream.publishAsync(message);
    } catch (RuntimeException e) {
      throw new SendFailure("publish refused: " + e.getMessage());
    }
    rejections.sent(message, future);
    window.add(future, message, reader.position(), reader.lastFrameBytes());
  }

  /**
   * Whether {@code message}, journaled at {@code journaledAt}, waited longer than the journal's max
   * age: then the platform may no longer recognize it as a re-send (a first send included, as an
   * acknowledgement lost before a crash leaves no trace), so it goes to the rejected file instead.
   * Checked on every send, re-sends after a reconnection included.
   */
  private boolean expired(NatsMessage message, long journaledAt) {
    if (journaledAt < 0) {
      return false; // journaled by an older SDK, which did not note the time
    }
    Duration waited = Duration.ofMillis(settings.clock().millis() - journaledAt);
    if (waited.compareTo(settings.journalMaxAge()) <= 0) {
      return false;
    }
    rejections.expire(message, waited, settings.journalMaxAge());
    return true;
  }

  /** Takes the completed acknowledgements off the head; true when at least one succeeded. */
  private boolean settle(InFlight window) {
    long count = 0;
    long bytes = 0;
    long position = -1;
    while (!window.isEmpty() && window.headFuture().isDone()) {
      CompletableFuture<?> head = window.headFuture();
      if (head.isCompletedExceptionally() && Rejections.refused(head)) {
        // Refused for good: out of the journal into the rejected file, like an acknowledgement.
        rejections.reject(window.headMessage(), Rejections.reason(head));
      } else if (head.isCompletedExceptionally()) {
        if (count > 0) {
          journal.acknowledge(position, count, bytes);
        }
        throw new SendFailure(failureOf(head));
      }
      count++;
      bytes += window.headFrameBytes();
      position = window.headNextPosition();
      window.removeHead();
    }
    if (count > 0) {
      journal.acknowledge(position, count, bytes);
    }
    return count > 0;
  }

  private void awaitAck(InFlight window, int index) {
    try {
      window.future(index).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | CancellationException e) {
      // settle() reports it on the next turn
    } catch (TimeoutException e) {
      throw new SendFailure("no acknowledgement within " + settings.ackTimeout());
    } catch (InterruptedException e) {
      stopping = true;
    }
  }

  /**
   * Waits for work. With publishes in flight it waits for an acknowledgement, not for appends:
   * records appended meanwhile go out together after it, instead of each append waking this thread
   * (a system call per event on the publishing thread). With a full window it waits for the oldest
   * quarter to be acknowledged, then refills it in one burst: one wake-up per quarter window
   * instead of one per acknowledgement leaves the CPU to jnats and the broker. With nothing in
   * flight an append wakes it.
   */
  private void idle(InFlight window, JournalReader reader, int limit) {
    if (window.size() >= limit) {
      awaitAck(window, (window.size() - 1) / 4);
      return;
    }
    if (!window.isEmpty()) {
      awaitAck(window, 0);
      return;
    }
    idle = true; // from here on, an append unparks this thread
    if (!stopping && !reader.hasNext()) {
      LockSupport.parkNanos(IDLE_NANOS);
    }
    idle = false;
  }

  private static String failureOf(CompletableFuture<?> future) {
    try {
      future.join();
      return "unknown";
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
  }

  private void pause(long millis) {
    if (!stopping) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("closing a broken connection: {}", e.getMessage());
    }
  }

  /** A publish failed or timed out: drop the connection and re-send from the journal. */
  private static final class SendFailure extends RuntimeException {
    final String reason;

    SendFailure(String reason) {
      super(reason, null, false, false);
      this.reason = reason;
    }
  }
}
