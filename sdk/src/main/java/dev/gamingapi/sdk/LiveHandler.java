package dev.gamingapi.sdk;

import dev.gamingapi.contract.subject.EventFilter;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a live subscription's messages to the user's handler. jnats's ordered consumer already
 * resumes after the last delivered sequence when it recreates its consumer; the sequence check here
 * makes "no repeats" hold even if a redelivery slips through a reset.
 */
final class LiveHandler implements MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LiveHandler.class);

  private final Consumer<StoredEvent> handler;
  private final EventFilter clientFilter;
  private volatile long lastSequence;

  LiveHandler(Consumer<StoredEvent> handler, EventFilter clientFilter) {
    this.handler = handler;
    this.clientFilter = clientFilter;
  }

  @Override
  public void onMessage(Message message) {
    long sequence = message.metaData().streamSequence();
    if (sequence <= lastSequence) {
      return;
    }
    lastSequence = sequence;
    if (clientFilter != null && !ReadConsumers.matches(clientFilter, message.getSubject())) {
      return;
    }
    try {
      handler.accept(ReadConsumers.stored(message, sequence));
    } catch (RuntimeException e) {
      // One failing event must not stop the subscription; the handler owns its errors.
      LOG.warn("event handler failed on sequence {}: {}", sequence, e.toString(), e);
    }
  }

  long lastSequence() {
    return lastSequence;
  }
}
