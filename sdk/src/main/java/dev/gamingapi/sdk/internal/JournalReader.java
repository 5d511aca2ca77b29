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

  /**
   * The record at the cursor as a message, from {@code handOff} when it holds it, else decoded from
   * the journal; call {@link #hasNext()} first.
   */
  NatsMessage next(HandOff handOff) {
    int offset = (int) (position - segment.base);
    int length = segment.buffer.getInt(offset);
    NatsMessage message = handOff == null ? null : handOff.take(position);
    if (message == null) {
      message = JournalRecord.decode(segment.buffer, offset + Journal.FRAME);
    }
    lastFrameBytes = Journal.FRAME + length;
    position += lastFrameBytes;
    return message;
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
