package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.JournalException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;

/**
 * The append-only, on-disk journal of accepted events: memory-mapped {@link Segment}s holding
 * records framed as {@code i32 length, i32 CRC32C, payload}. A length of 0 means never written; -1
 * marks the end of a segment's data (the next record starts at the next segment's base). Recovery
 * ({@link JournalRecovery}) stops at the first record whose frame or CRC does not check out, so a
 * write torn by a crash is ignored.
 *
 * <p>Positions are longs that only grow. Writers append under one short lock; the single sender
 * reads behind the volatile {@link #writePosition()} and reports acknowledgements through {@link
 * #acknowledge}, which advances the {@link Checkpoint} and deletes fully acknowledged segments.
 */
public final class Journal implements AutoCloseable {
  static final int FRAME = 8;
  static final int END_OF_SEGMENT = -1;

  private final ConcurrentSkipListMap<Long, Segment> segments;
  private final Checkpoint checkpoint;
  private final int segmentSize;
  private final Path dir;
  private final FileChannel lockChannel;
  private Segment active;
  private volatile long writePosition;
  private volatile long acceptedCount;
  private volatile long acceptedBytes;
  private volatile long ackedPosition;
  private volatile long ackedCount;
  private volatile long ackedBytes;

  Journal(
      Path dir,
      FileChannel lockChannel,
      ConcurrentSkipListMap<Long, Segment> segments,
      Checkpoint checkpoint,
      int segmentSize,
      JournalRecovery.Result recovered) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.segments = segments;
    this.checkpoint = checkpoint;
    this.segmentSize = segmentSize;
    this.active = segments.lastEntry().getValue();
    this.writePosition = active.base;
    this.ackedPosition = recovered.start();
    this.acceptedCount = recovered.records();
    this.acceptedBytes = recovered.bytes();
  }

  /**
   * Opens (and recovers) the journal in {@code dir}, which only this client may use.
   *
   * @param segmentSize the usual segment size; a larger record gets a segment of its own size
   */
  public static Journal open(Path dir, int segmentSize) {
    FileChannel lock = lock(dir);
    Journal journal = JournalRecovery.recover(dir, lock, segmentSize);
    if (journal.pendingCount() == 0) {
      journal.acknowledge(journal.writePosition, 0, 0);
    }
    return journal;
  }

  private static FileChannel lock(Path dir) {
    Path file = dir.resolve("lock");
    try {
      Files.createDirectories(dir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new JournalException("journal " + dir + " is in use by another client");
      }
      return channel;
    } catch (IOException e) {
      throw new JournalException("cannot open journal " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The CRC32C of a payload, computed by the caller outside the append lock. */
  public static int crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return (int) crc.getValue();
  }

  /**
   * Appends one record; once this returns, the record survives a crash of this process.
   *
   * @return the position of the record
   */
  public synchronized long append(byte[] payload, int crc) {
    int frameLength = FRAME + payload.length;
    int offset = (int) (writePosition - active.base);
    if (offset + frameLength > active.capacity) {
      roll(offset, frameLength);
      offset = 0;
    }
    active.buffer.put(offset + FRAME, payload);
    active.buffer.putInt(offset + 4, crc);
    active.buffer.putInt(offset, payload.length);
    acceptedCount++;
    acceptedBytes += frameLength;
    writePosition = active.base + offset + frameLength; // publishes the record to the sender
    return active.base + offset;
  }

  private void roll(int offset, int frameLength) {
    if (offset + 4 <= active.capacity) {
      active.buffer.putInt(offset, END_OF_SEGMENT);
    }
    Segment next = Segment.create(dir, active.end(), Math.max(segmentSize, frameLength));
    segments.put(next.base, next);
    active = next;
  }

  /** Called by the sender only: everything before {@code position} is acknowledged. */
  public void acknowledge(long position, long count, long bytes) {
    ackedPosition = position;
    ackedCount += count;
    ackedBytes += bytes;
    checkpoint.write(position);
    for (Map.Entry<Long, Segment> first = segments.firstEntry();
        first != null && first.getValue().end() <= position;
        first = segments.firstEntry()) {
      segments.remove(first.getKey());
      first.getValue().delete();
    }
  }

  /** A reader from {@code position}, which must be a record boundary. */
  public JournalReader reader(long position) {
    return new JournalReader(this, segments.floorEntry(position).getValue(), position);
  }

  Segment segmentAt(long base) {
    Segment segment = segments.get(base);
    if (segment == null) {
      throw new JournalException("journal segment at position " + base + " is missing in " + dir);
    }
    return segment;
  }

  /** Just past the last appended record. */
  public long writePosition() {
    return writePosition;
  }

  /** The position of the lowest unacknowledged record. */
  public long ackedPosition() {
    return ackedPosition;
  }

  /** Records appended (including those recovered at open) and not yet acknowledged. */
  public long pendingCount() {
    return acceptedCount - ackedCount;
  }

  /** How many events were accepted so far (recovered ones included). */
  public long acceptedCount() {
    return acceptedCount;
  }

  /** How many events the broker acknowledged so far. */
  public long ackedCount() {
    return ackedCount;
  }

  /** Bytes of records not yet acknowledged. */
  public long unackedBytes() {
    return acceptedBytes - ackedBytes;
  }

  @Override
  public synchronized void close() {
    active.force();
    checkpoint.force();
    try {
      lockChannel.close();
    } catch (IOException e) {
      throw new JournalException("cannot release journal " + dir + ": " + e.getMessage(), e);
    }
  }
}
