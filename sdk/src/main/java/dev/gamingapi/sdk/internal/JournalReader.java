package dev.gamingapi.sdk.internal;

import io.nats.client.impl.NatsMessage;

/**
 * The sender's cursor over the journal. Reads only below the journal's volatile write position,
 * which the appender sets after writing a record, so every byte read is complete.
 */
public final class JournalReader {
  private final Journal journal;
  private Segment segment;
  private long position;
  private int lastFrameBytes;
  private long lastJournaledAt;

  JournalReader(Journal journal, Segment segment, long position) {
    this.journal = journal;
    this.segment = segment;
    this.position = position;
  }

  /** Whether a record is ready at the cursor; steps over segment ends on the way. */
  public boolean hasNext() {
    while (position < journal.writePosition()) {
      int offset = (int) (position - segment.base);
      if (offset + Journal.FRAME <= segment.capacity
          && segment.buffer.getInt(offset) != Journal.END_OF_SEGMENT) {
        return true;
      }
      segment = journal.segmentAt(segment.end());
      position = segment.base;
    }
    return false;
  }

  /** The record at the cursor, decoded from the journal; call {@link #hasNext()} first. */
  public NatsMessage next() {
    return next(null);
  }

  /** When the record last returned was journaled (epoch ms), -1 when its record does not say. */
  public long lastJournaledAt() {
    return lastJournaledAt;
  }

  /**
   * The record at the cursor as a message, from {@code handOff} when it holds it, else decoded from
   * the journal; call {@link #hasNext()} first.
   */
  NatsMessage next(HandOff handOff) {
    int offset = (int) (position - segment.base);
    int length = segment.buffer.getInt(offset);
    JournalRecord.Stored stored = handOff == null ? null : handOff.take(position);
    if (stored == null) {
      stored = JournalRecord.decode(segment.buffer, offset + Journal.FRAME, length);
    }
    lastFrameBytes = Journal.FRAME + length;
    lastJournaledAt = stored.journaledAt();
    position += lastFrameBytes;
    return stored.message();
  }

  /** Just past the record last returned. */
  public long position() {
    return position;
  }

  /** Journal bytes of the record last returned. */
  public int lastFrameBytes() {
    return lastFrameBytes;
  }
}
