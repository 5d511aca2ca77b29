package dev.gamingapi.server.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Follows a log file that another process appends to, reading only what was written since the last
 * look, to tell when an ASCII marker appeared: nats-server restoring thousands of streams writes
 * megabytes before its ready line, which a read of the first megabyte from the start of the run
 * never reached.
 */
final class LogFollower {
  private static final int CHUNK = 1 << 20;

  private final Path file;
  private final String marker;
  private long read;
  private String carried = ""; // the end of the last read, for a marker cut between two reads
  private boolean seen;

  /** Follows {@code file} from byte {@code from} on, looking for {@code marker}. */
  LogFollower(Path file, long from, String marker) {
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
      carried = window.substring(Math.max(0, window.length() - marker.length()));
    }
    return seen;
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
