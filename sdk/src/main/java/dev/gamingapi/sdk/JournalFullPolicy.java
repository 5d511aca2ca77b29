package dev.gamingapi.sdk;

import java.time.Duration;

/**
 * What {@link GameServerClient#publish} does when the journal already holds {@code journalMaxBytes}
 * of unacknowledged events. Neither policy ever drops an accepted event.
 */
public enum JournalFullPolicy {
  /**
   * Wait until the broker acknowledges enough events, at most {@code maxBlock} (see {@link
   * GameServerClient.Builder#maxBlock(Duration)}), then throw {@link JournalFullException}.
   */
  BLOCK,
  /** Throw {@link JournalFullException} at once. */
  REFUSE
}
