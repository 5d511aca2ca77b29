package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.JournalException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The journal position of the lowest unacknowledged event, in a small memory-mapped file. Being
 * mapped, it is updated on every acknowledgement at the cost of a memory write, so a restarted
 * client re-sends only what was really unacknowledged (a re-send older than the broker's two-minute
 * de-duplication window would be stored twice). The value is written twice, the second time
 * inverted, so a torn write is detected.
 */
final class Checkpoint {
  private static final String FILE = "checkpoint";

  private final MappedByteBuffer buffer;

  private Checkpoint(MappedByteBuffer buffer) {
    this.buffer = buffer;
  }

  static Checkpoint open(Path dir) {
    Path file = dir.resolve(FILE);
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      return new Checkpoint(channel.map(FileChannel.MapMode.READ_WRITE, 0, 16));
    } catch (IOException e) {
      throw new JournalException(
          "cannot map journal checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** The stored position, or -1 when there is none or it is torn. */
  long read() {
    long position = buffer.getLong(0);
    return buffer.getLong(8) == ~position && position > 0 ? position : -1;
  }

  void write(long position) {
    buffer.putLong(0, position);
    buffer.putLong(8, ~position);
  }

  void force() {
    buffer.force();
  }
}
