package dev.gamingapi.sdk.internal;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Messages just appended to the journal, handed to the sender in memory so that in the steady state
 * it does not decode what the publishing thread has just encoded. Purely an optimisation: the
 * journal stays the source of truth. When the queue is full, or after a rewind, the sender finds no
 * message for its cursor here and decodes the record from the journal instead.
 */
final class HandOff {
  private final ArrayBlockingQueue<Entry> queue;

  HandOff(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Offers the message journaled at {@code position}; dropped when the queue is full. */
  void offer(long position, JournalRecord.Stored message) {
    queue.offer(new Entry(position, message));
  }

  /**
   * The message journaled at {@code position}, or {@code null} when it is not here. Entries before
   * {@code position} are stale (already sent, or re-read from the journal after a rewind) and go.
   */
  JournalRecord.Stored take(long position) {
    Entry head = queue.peek();
    while (head != null && head.position < position) {
      queue.poll();
      head = queue.peek();
    }
    if (head != null && head.position == position) {
      queue.poll();
      return head.message;
    }
    return null;
  }

  private record Entry(long position, JournalRecord.Stored message) {}
}
