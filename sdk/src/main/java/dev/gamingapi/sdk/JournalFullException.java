package dev.gamingapi.sdk;

/**
 * The journal holds {@code journalMaxBytes} of events the broker has not acknowledged yet (the
 * broker is down or slower than the game server), so a new event was refused rather than dropping
 * an older one. The refused event was not journaled; the caller decides what to do with it.
 */
public final class JournalFullException extends GamingApiException {
  /** An error whose message names the limit and the policy that applied. */
  public JournalFullException(String message) {
    super(message);
  }
}
