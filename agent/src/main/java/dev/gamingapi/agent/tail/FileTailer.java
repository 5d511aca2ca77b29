package dev.gamingapi.agent.tail;

import dev.gamingapi.agent.input.Input;
import dev.gamingapi.agent.input.LinePublisher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a log file as it grows, is rotated (renamed, a new file created under the name) or
 * truncated, and hands each complete line on with a key made of the file's identity and the line's
 * offset. That key makes the line's event ids, so a line read twice is stored once.
 *
 * <p>Exactly once across restarts: a line is handed on (journaled) before the position past it is
 * saved, so a crash in between re-reads it with the same ids, which the broker's de-duplication
 * drops; the position is saved atomically after each batch. A file rotated while the agent was down
 * is found again by its identity among its neighbours and read to its end first. Not covered: a
 * rotated file that was also compressed or deleted before the agent came back (its unread rest is
 * lost, and logged), and a re-read more than the stream's de-duplication window (2 minutes) after
 * the first read.
 */
public final class FileTailer implements Input {
  private static final Logger LOG = LoggerFactory.getLogger(FileTailer.class);
  private final String name;
  private final Path file;
  private final PositionStore store;
  private final LinePublisher publisher;
  private final Duration poll;
  private final CountDownLatch stop = new CountDownLatch(1);
  private Thread thread;
  private TailedFile current;

  /** A tailer of {@code file} keeping its position in {@code store}. */
  public FileTailer(
      String name, Path file, PositionStore store, LinePublisher publisher, Duration poll) {
    this.name = name;
    this.file = file;
    this.store = store;
    this.publisher = publisher;
    this.poll = poll;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized void start() {
    thread = Thread.ofPlatform().name("tail-" + name).daemon().start(this::run);
  }

  private void run() {
    try {
      do {
        try {
          step();
        } catch (IOException | RuntimeException e) { // journal full, file unreadable: next poll
          LOG.warn("{}: {}; trying again", name, e.toString());
        }
      } while (!stop.await(poll.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeCurrent();
    }
  }

  /** One poll: read what is new, and move to the new file when the name points elsewhere. */
  void step() throws IOException {
    if (current == null) {
      current = open();
      if (current == null) {
        return;
      }
    }
    current.readNew(publisher, store, stop);
    String pathKey = fileKey(file);
    if (pathKey != null && !pathKey.equals(current.position().fileKey())) {
      current.readNew(publisher, store, stop); // lines written just before the rename
      LOG.info("{}: {} was rotated; following the new file", name, file);
      closeCurrent();
      current = TailedFile.fresh(file, pathKey);
      if (current != null) {
        current.readNew(publisher, store, stop);
      }
    }
  }

  private TailedFile open() throws IOException {
    String pathKey = fileKey(file);
    var saved = store.load();
    if (saved.isPresent() && !saved.get().fileKey().equals(pathKey)) {
      Path rotated = findByKey(saved.get().fileKey());
      if (rotated != null) {
        LOG.info("{}: finishing {}, rotated while the agent was down", name, rotated);
        return TailedFile.resume(rotated, saved.get());
      }
      LOG.warn("{}: the file last read is gone; its unread rest (if any) is lost", name);
      saved = java.util.Optional.empty();
    }
    if (pathKey == null) {
      return null; // not there yet: the game server has not started
    }
    return saved.isPresent()
        ? TailedFile.resume(file, saved.get())
        : TailedFile.fresh(file, pathKey);
  }

  private Path findByKey(String key) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    try (var siblings = Files.list(dir)) {
      return siblings
          .filter(Files::isRegularFile)
          .filter(candidate -> key.equals(fileKey(candidate)))
          .findFirst()
          .orElse(null);
    }
  }

  static String fileKey(Path path) {
    try {
      Object key =
          Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      return key != null ? key.toString() : path.toRealPath().toString();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private void closeCurrent() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  @Override
  public void close() {
    stop.countDown();
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      try {
        running.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
