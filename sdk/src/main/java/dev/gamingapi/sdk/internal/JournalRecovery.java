package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.JournalException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a journal left by an earlier run: finds the records after the checkpoint, stops at the
 * first torn or corrupt one, and starts a fresh segment for new records so that whatever follows
 * the recovered end (a torn tail) is never read again.
 */
final class JournalRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);

  /** Where re-sending starts, and how many records and bytes are pending from there. */
  record Result(long start, long records, long bytes) {}

  private JournalRecovery() {}

  static Journal recover(Path dir, FileChannel lock, int segmentSize) {
    ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    for (Path file : segmentFiles(dir)) {
      Segment segment = Segment.open(file);
      segments.put(segment.base, segment);
    }
    Checkpoint checkpoint = Checkpoint.open(dir);
    if (segments.isEmpty()) {
      long base = Math.max(0, checkpoint.read());
      segments.put(base, Segment.create(dir, base, segmentSize));
      return new Journal(dir, lock, segments, checkpoint, segmentSize, new Result(base, 0, 0));
    }
    long start = checkpoint.read();
    if (start < segments.firstKey() || start >= segments.lastEntry().getValue().end()) {
      start = segments.firstKey(); // no usable checkpoint: re-send all; the broker de-duplicates
    }
    Scan scanned = scan(segments, start);
    Segment last = segments.floorEntry(scanned.end).getValue();
    for (Segment later : List.copyOf(segments.tailMap(last.base, false).values())) {
      LOG.warn("dropping journal segment {} that follows a torn record", later);
      segments.remove(later.base);
      later.delete();
    }
    int offset = (int) (scanned.end - last.base);
    if (offset + 4 <= last.capacity) {
      last.buffer.putInt(offset, Journal.END_OF_SEGMENT);
    }
    Segment fresh = Segment.create(dir, last.end(), segmentSize);
    segments.put(fresh.base, fresh);
    if (scanned.records > 0) {
      LOG.info("journal {}: {} events to re-send from an earlier run", dir, scanned.records);
    }
    return new Journal(
        dir,
        lock,
        segments,
        checkpoint,
        segmentSize,
        new Result(start, scanned.records, scanned.bytes));
  }

  private record Scan(long end, long records, long bytes) {}

  private static Scan scan(ConcurrentSkipListMap<Long, Segment> segments, long start) {
    Segment segment = segments.floorEntry(start).getValue();
    long position = start;
    long records = 0;
    long bytes = 0;
    CRC32C crc = new CRC32C();
    while (true) {
      int offset = (int) (position - segment.base);
      int length = offset + Journal.FRAME <= segment.capacity ? segment.buffer.getInt(offset) : -1;
      if (length == Journal.END_OF_SEGMENT) {
        Segment next = segments.get(segment.end());
        if (next == null) {
          return new Scan(position, records, bytes);
        }
        segment = next;
        position = next.base;
        continue;
      }
      if (length <= 0 || offset + Journal.FRAME + length > segment.capacity) {
        return new Scan(position, records, bytes);
      }
      crc.reset();
      crc.update(segment.buffer.slice(offset + Journal.FRAME, length));
      if ((int) crc.getValue() != segment.buffer.getInt(offset + 4)) {
        LOG.warn(
            "journal record at position {} is torn or corrupt: recovery stops there", position);
        return new Scan(position, records, bytes);
      }
      records++;
      bytes += Journal.FRAME + length;
      position += Journal.FRAME + length;
    }
  }

  private static List<Path> segmentFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(
          files.filter(file -> file.getFileName().toString().endsWith(Segment.SUFFIX)).toList());
    } catch (IOException e) {
      throw new JournalException("cannot list journal " + dir + ": " + e.getMessage(), e);
    }
  }
}
