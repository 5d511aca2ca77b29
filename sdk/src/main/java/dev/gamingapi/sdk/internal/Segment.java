package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.JournalException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One memory-mapped journal file. A write into a mapped page lands in the kernel's page cache, so
 * it survives a crash of the JVM (even SIGKILL) without an fsync per event; only a crash of the
 * operating system can lose the pages not yet written back.
 *
 * <p>The file is named after its base: the journal position of its first byte.
 */
final class Segment {
  static final String SUFFIX = ".seg";

  final long base;
  final int capacity;
  final MappedByteBuffer buffer;
  private final Path path;

  private Segment(Path path, long base, int capacity, MappedByteBuffer buffer) {
    this.path = path;
    this.base = base;
    this.capacity = capacity;
    this.buffer = buffer;
  }

  /** A new zero-filled segment file of {@code capacity} bytes. */
  static Segment create(Path dir, long base, int capacity) {
    return map(dir.resolve(String.format("%020d%s", base, SUFFIX)), base, capacity);
  }

  /** An existing segment file. */
  static Segment open(Path file) {
    String name = file.getFileName().toString();
    long base = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    try {
      return map(file, base, (int) Files.size(file));
    } catch (IOException e) {
      throw new JournalException("cannot read journal segment " + file + ": " + e.getMessage(), e);
    }
  }

  private static Segment map(Path file, long base, int capacity) {
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      // A mapping outlives its channel; the file grows sparse, so unused space costs no disk.
      return new Segment(
          file, base, capacity, channel.map(FileChannel.MapMode.READ_WRITE, 0, capacity));
    } catch (IOException e) {
      throw new JournalException("cannot map journal segment " + file + ": " + e.getMessage(), e);
    }
  }

  /** The position just past this segment, where the next one starts. */
  long end() {
    return base + capacity;
  }

  /** Asks the kernel to write the dirty pages to disk. */
  void force() {
    try {
      buffer.force();
    } catch (RuntimeException e) {
      // Deleted or closed under us: nothing left to protect.
    }
  }

  /** Removes the file; the mapping is released by the garbage collector. */
  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new JournalException(
          "cannot delete journal segment " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
