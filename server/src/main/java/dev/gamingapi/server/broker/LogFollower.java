package dev.gamingapi.server.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Follows a log file that another process appends to, reading only what was written since the last
 * look, to tell when an ASCII marker appeared: nats-server restoring thousands of streams writes
 * megabytes before its ready line, which a read of the first megabyte from the start of the run
 * never reached. It also counts the streams restored so far, for a progress line while it waits.
 */
final class LogFollower {
  private static final int CHUNK = 1 << 20;

  /** What nats-server 2.9 logs for each stream it restored at start. */
  static final String RESTORED = " messages for stream ";

  // Kept of a read for the next one: shorter than RESTORED, so a line is never counted twice, and
  // long enough to find either marker cut between two reads.
  private static final int CARRIED = RESTORED.length() - 1;

  private final Path file;
  private final String marker;
  private long read;
  private String carried = ""; // the end of the last read, for a marker cut between two reads
  private boolean seen;
  private long restored;

  /** Follows {@code file} from byte {@code from} on, looking for {@code marker}. */
  LogFollower(Path file, long from, String marker) {
    if (marker.length() > CARRIED + 1) {
      throw new IllegalArgumentException("marker longer than " + (CARRIED + 1) + ": " + marker);
    }
    this.file = file;
    this.read = from;
    this.marker = marker;
  }

  /** Whether the marker was written, reading what is new since the last call. */
  boolean seen() {
    while (!seen) {
      // Latin-1: one char per byte, so a string's length is the bytes read.
      String fresh = new String(next(), StandardCharsets.ISO_8859_1);
      if (fresh.isEmpty()) {
        break;
      }
      read += fresh.length();
      String window = carried + fresh;
      seen = window.contains(marker);
      for (int at = window.indexOf(RESTORED); at >= 0; at = window.indexOf(RESTORED, at + 1)) {
        restored++;
      }
      carried = window.substring(Math.max(0, window.length() - CARRIED));
    }
    return seen;
  }

  /** Bytes of the file read so far (it grows while the process writes). */
  long position() {
    return read;
  }

  /** Streams the process said it restored, in what was read so far. */
  long restored() {
    return restored;
  }

  private byte[] next() {
    try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
      long length = log.length();
      if (length <= read) {
        return new byte[0];
      }
      byte[] bytes = new byte[(int) Math.min(length - read, CHUNK)];
      log.seek(read);
      log.readFully(bytes);
      return bytes;
    } catch (IOException e) {
      return new byte[0]; // not there yet: asked again at the next look
    }
  }
}
