package dev.gamingapi.sdk;

import dev.gamingapi.contract.subject.EventFilter;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.impl.NatsJetStreamMetaData;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The events stored when the replay began, in stream order, read once: iterate it (for-each works)
 * and close it. It ends at the last sequence that was stored when {@link EventReader#replay} was
 * called; use {@link EventReader#subscribe} to keep following.
 */
public final class ReplayStream
    implements Iterable<StoredEvent>, Iterator<StoredEvent>, AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration STALL = Duration.ofSeconds(30);

  private final JetStreamSubscription subscription;
  private final EventFilter clientFilter;
  private final long lastSequence;
  private boolean done;
  private long position;
  private String lastConsumer;
  private long lastConsumerSequence;
  private StoredEvent next;
  private final Supplier<CredentialsRefusedException> refusal;

  ReplayStream(
      JetStreamSubscription subscription,
      EventFilter clientFilter,
      long lastSequence,
      boolean empty,
      Supplier<CredentialsRefusedException> refusal) {
    this.refusal = refusal;
    this.subscription = subscription;
    this.clientFilter = clientFilter;
    this.lastSequence = lastSequence;
    this.done = empty;
  }

  /** This stream itself: it can be iterated once. */
  @Override
  public Iterator<StoredEvent> iterator() {
    return this;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      Message message = poll();
      if (message == null) {
        done = true; // the consumer has nothing more to deliver
        break;
      }
      NatsJetStreamMetaData meta = message.metaData();
      long sequence = meta.streamSequence();
      if (sequence > lastSequence) {
        done = true; // stored after the replay began
        break;
      }
      position = sequence;
      lastConsumer = meta.getConsumer();
      lastConsumerSequence = meta.consumerSequence();
      done = sequence == lastSequence || meta.pendingCount() == 0;
      if (clientFilter == null || ReadConsumers.matches(clientFilter, message.getSubject())) {
        next = ReadConsumers.stored(message, sequence);
      }
    }
    return next != null;
  }

  @Override
  public StoredEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the replay has ended");
    }
    StoredEvent event = next;
    next = null;
    return event;
  }

  /**
   * The next message, or {@code null} when the consumer has delivered everything it had. A quiet
   * moment alone proves nothing (a slow broker), so the consumer's own state decides.
   */
  private Message poll() {
    long stalledSince = System.nanoTime();
    try {
      while (System.nanoTime() - stalledSince < STALL.toNanos()) {
        throwIfRefused();
        Message message;
        try {
          message = subscription.nextMessage(POLL);
        } catch (IllegalStateException closed) {
          throwIfRefused(); // the reader closed its connection on a refusal: say why
          throw closed;
        }
        if (message != null) {
          return message;
        }
        if (deliveredEverything()) {
          return null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GamingApiException("replay interrupted after sequence " + position, e);
    }
    throw new GamingApiException(
        "replay stalled: nothing arrived for " + STALL + " after sequence " + position);
  }

  /** Revoked or expired credentials end the replay with their reason, not a stall 30 s later. */
  private void throwIfRefused() {
    CredentialsRefusedException refused = refusal.get();
    if (refused != null) {
      done = true;
      throw refused;
    }
  }

  private boolean deliveredEverything() throws InterruptedException {
    try {
      ConsumerInfo info = subscription.getConsumerInfo();
      if (info.getNumPending() > 0) {
        return false;
      }
      // A filtered consumer's stream position moves past the events it skips, and one that starts
      // at a time or sequence begins past the events before it, so the stream sequence alone
      // would wait for events that never come. What it delivered is counted in its own sequence:
      // nothing, or no more than this stream received from it.
      long delivered = info.getDelivered().getConsumerSequence();
      return delivered == 0
          || info.getDelivered().getStreamSequence() <= position
          || (info.getName().equals(lastConsumer) && delivered <= lastConsumerSequence);
    } catch (IOException | JetStreamApiException | IllegalStateException e) {
      return false; // being recreated after a reconnect: keep polling
    }
  }

  /** Stops reading and removes the consumer. */
  @Override
  public void close() {
    done = true;
    try {
      subscription.unsubscribe();
    } catch (IllegalStateException alreadyClosed) {
      // the connection is gone, and the consumer with it
    }
  }
}
