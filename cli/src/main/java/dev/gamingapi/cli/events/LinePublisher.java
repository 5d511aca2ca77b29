package dev.gamingapi.cli.events;

import dev.gamingapi.contract.ContractException;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.sdk.GamingApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the JSON lines of {@code events publish --lines} through one client, in their order:
 * each line is in the journal before the next is read, so a stop at a bad line keeps the events
 * before it. While the input lasts, a progress line goes to stderr every {@code every}: a load of a
 * season's events takes minutes, and a silent terminal looks hung.
 */
final class LinePublisher {
  private final GameServerClient client;
  private final EventLines.Defaults defaults;
  private final PrintWriter err;
  private final Duration every;
  // Written by the reading thread only, read by the ticker's.
  private final AtomicLong line = new AtomicLong();
  private final AtomicLong journaled = new AtomicLong();

  LinePublisher(
      GameServerClient client, EventLines.Defaults defaults, PrintWriter err, Duration every) {
    this.client = client;
    this.defaults = defaults;
    this.err = err;
    this.every = every;
  }

  /** A line that could not be published, and how many events before it were journaled. */
  static final class BadLineException extends RuntimeException {
    final long line;
    final long journaled;

    BadLineException(long line, long journaled, RuntimeException cause) {
      super("line " + line + ": " + cause.getMessage(), cause);
      this.line = line;
      this.journaled = journaled;
    }
  }

  /**
   * Reads {@code reader} to its end; blank lines are skipped but counted, so that line numbers are
   * those of an editor.
   *
   * @return how many events were journaled
   * @throws BadLineException at the first line that is not a valid event or cannot be journaled
   */
  long publish(BufferedReader reader) throws IOException {
    ScheduledExecutorService ticker = every.isZero() ? null : startTicker();
    try {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        long number = line.incrementAndGet();
        if (text.isBlank()) {
          continue;
        }
        try {
          client.publish(EventLines.line(text, defaults));
        } catch (ContractException | GamingApiException e) {
          throw new BadLineException(number, journaled.get(), e);
        }
        journaled.incrementAndGet();
      }
      return journaled.get();
    } finally {
      if (ticker != null) {
        ticker.shutdownNow();
      }
    }
  }

  private ScheduledExecutorService startTicker() {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gamingapi-publish-progress").factory());
    long millis = Math.max(1, every.toMillis());
    ticker.scheduleAtFixedRate(this::report, millis, millis, TimeUnit.MILLISECONDS);
    return ticker;
  }

  private void report() {
    err.println(
        "gamingapi: "
            + journaled.get()
            + " events journaled (line "
            + line.get()
            + "), "
            + client.pending()
            + " waiting for the broker");
    err.flush();
  }
}
