package dev.gamingapi.server.notify;

import java.util.ArrayDeque;

/**
 * A rule's rate limit: at most N requests in any 60 seconds (a sliding window, so that a burst at
 * the end of one minute and another at the start of the next cannot double the rate).
 */
final class RateWindow {
  private static final long WINDOW = 60_000;

  private final ArrayDeque<Long> sent = new ArrayDeque<>();

  /**
   * Takes a slot for a request at {@code now} (epoch milliseconds) under {@code perMinute}, and
   * answers how long to wait first; the slot is counted at the end of that wait.
   */
  synchronized long acquire(long now, int perMinute) {
    while (!sent.isEmpty() && sent.peekFirst() <= now - WINDOW) {
      sent.pollFirst();
    }
    long wait = 0;
    while (sent.size() >= perMinute) {
      wait = Math.max(wait, sent.pollFirst() + WINDOW - now);
    }
    sent.addLast(now + wait);
    return wait;
  }
}
