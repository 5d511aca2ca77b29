package dev.gamingapi.agent.tail;

import dev.gamingapi.agent.input.LinePublisher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open file of a {@link FileTailer} and the position in it. The channel stays open across a
 * rename, so the rest of a rotated file is still read through it.
 */
final class TailedFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TailedFile.class);
  private static final int CHUNK = 64 * 1024;
  private static final int MAX_LINE = 1024 * 1024;
  private static final int HEAD_MAX = 4096;
  private final Path path;
  private final FileChannel channel;
  private TailPosition position;

  private TailedFile(Path path, FileChannel channel, TailPosition position) {
    this.path = path;
    this.channel = channel;
    this.position = position;
  }

  /** The file at {@code path} from its start, or null when it is gone. */
  static TailedFile fresh(Path path, String fileKey) throws IOException {
    FileChannel channel = openOrNull(path);
    return channel == null
        ? null
        : new TailedFile(path, channel, new TailPosition(fileKey, "", 0, 0));
  }

  /** The file at {@code path}, from the saved position unless it was truncated meanwhile. */
  static TailedFile resume(Path path, TailPosition saved) throws IOException {
    FileChannel channel = openOrNull(path);
    if (channel == null) {
      return null;
    }
    TailedFile tailed = new TailedFile(path, channel, saved);
    tailed.checkTruncated();
    return tailed;
  }

  private static FileChannel openOrNull(Path path) throws IOException {
    try {
      return FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  TailPosition position() {
    return position;
  }

  /** Hands on every complete line after the position, saving the position after each batch. */
  void readNew(LinePublisher publisher, PositionStore store, CountDownLatch stop)
      throws IOException {
    checkTruncated();
    if (position.head().isEmpty()) {
      String head = head();
      if (head == null) {
        return; // no complete first line yet, so no identity yet
      }
      position = new TailPosition(position.fileKey(), head, position.generation(), 0);
    }
    int size = CHUNK;
    while (stop.getCount() > 0) {
      ByteBuffer buffer = ByteBuffer.allocate(size);
      int read = channel.read(buffer, position.offset());
      if (read <= 0) {
        return;
      }
      byte[] bytes = buffer.array();
      int last = lastNewline(bytes, read);
      if (last < 0) {
        if (read < size) {
          return; // a line still being written
        }
        if (size < MAX_LINE) {
          size = Math.min(MAX_LINE, size * 2);
          continue;
        }
        last = read - 1; // a runaway line: handed on in MAX_LINE pieces rather than stalling
      }
      handOn(publisher, store, bytes, last);
      size = CHUNK;
    }
  }

  private void handOn(LinePublisher publisher, PositionStore store, byte[] bytes, int last) {
    long base = position.offset();
    int start = 0;
    try {
      for (int i = 0; i <= last; i++) {
        if (bytes[i] == '\n' || i == last) {
          int end = i > start && bytes[i - 1] == '\r' && bytes[i] == '\n' ? i - 1 : i;
          end = bytes[i] == '\n' ? end : i + 1;
          String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
          publisher.accept(line, position.identity() + ":" + (base + start));
          start = i + 1;
        }
      }
    } finally {
      if (start > 0) { // whatever was handed on, even when the journal refused the next line
        position = position.at(base + start);
        store.save(position);
      }
    }
  }

  private void checkTruncated() throws IOException {
    long size = channel.size();
    String head = position.head().isEmpty() ? null : head();
    boolean shrunk = size < position.offset();
    boolean rewritten = head != null && !head.equals(position.head());
    boolean headGone = !position.head().isEmpty() && head == null;
    if (shrunk || rewritten || headGone) {
      LOG.info("{} was truncated or replaced; reading it from its start", path);
      position = new TailPosition(position.fileKey(), "", position.generation() + 1, 0);
    }
  }

  /** A hash of the first line, or null while there is no complete first line. */
  private String head() throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(HEAD_MAX);
    int read = channel.read(buffer, 0);
    if (read <= 0) {
      return null;
    }
    int newline = -1;
    for (int i = 0; i < read; i++) {
      if (buffer.get(i) == '\n') {
        newline = i;
        break;
      }
    }
    if (newline < 0 && read < HEAD_MAX) {
      return null;
    }
    int length = newline < 0 ? read : newline;
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(buffer.array(), 0, length);
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static int lastNewline(byte[] bytes, int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing {}: {}", path, e.toString());
    }
  }
}
