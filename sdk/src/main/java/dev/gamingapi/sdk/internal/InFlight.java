package dev.gamingapi.sdk.internal;

import io.nats.client.api.PublishAck;
import io.nats.client.impl.NatsMessage;
import java.util.concurrent.CompletableFuture;

/**
 * The sender's window of unacknowledged publishes, oldest first: a ring of futures with the journal
 * position just past each record and its size, in parallel arrays so that nothing is allocated per
 * event beyond what jnats allocates.
 */
final class InFlight {
  private final CompletableFuture<?>[] futures;
  private final long[] nextPositions;
  private final int[] frameBytes;
  private final NatsMessage[] messages;
  private int head;
  private int size;

  InFlight(int capacity) {
    futures = new CompletableFuture<?>[capacity];
    nextPositions = new long[capacity];
    frameBytes = new int[capacity];
    messages = new NatsMessage[capacity];
  }

  void add(
      CompletableFuture<PublishAck> future, NatsMessage message, long nextPosition, int bytes) {
    int slot = (head + size) % futures.length;
    futures[slot] = future;
    nextPositions[slot] = nextPosition;
    frameBytes[slot] = bytes;
    messages[slot] = message;
    size++;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  CompletableFuture<?> headFuture() {
    return futures[head];
  }

  /** The future of the {@code index}-th oldest publish (0 is the head). */
  CompletableFuture<?> future(int index) {
    return futures[(head + index) % futures.length];
  }

  long headNextPosition() {
    return nextPositions[head];
  }

  int headFrameBytes() {
    return frameBytes[head];
  }

  /** The head's message: to move it to the rejected file when the broker refused it. */
  NatsMessage headMessage() {
    return messages[head];
  }

  void removeHead() {
    futures[head] = null;
    messages[head] = null;
    head = (head + 1) % futures.length;
    size--;
  }

  /** Forgets every publish: after a failure they are re-sent from the journal. */
  void clear() {
    while (size > 0) {
      removeHead();
    }
    head = 0;
  }
}
