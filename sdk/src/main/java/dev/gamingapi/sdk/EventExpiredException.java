package dev.gamingapi.sdk;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A journaled event waited longer than the journal's max age ({@link
 * GameServerClient.Builder#journalMaxAge}, at most {@link
 * dev.gamingapi.contract.event.Resends#MAX_JOURNAL_AGE}) before it could be sent, or sent again
 * after an acknowledgement was lost: the platform no longer promises to recognize a re-send that
 * late (it may count the event twice), so the SDK does not send it. It is moved out of the journal
 * to the rejected file (JSON lines in the journal directory, its reason saying so), reported once
 * to {@link GameServerClient.Builder#onEventRejected}, and thrown by the next {@link
 * GameServerClient#flush}, as an event the broker refused.
 */
public final class EventExpiredException extends EventRejectedException {
  private final Duration waited;

  /** Event {@code eventId} waited {@code waited}, more than {@code maxAge}. */
  public EventExpiredException(String eventId, Duration waited, Duration maxAge, Path file) {
    super(
        file,
        eventId,
        "event "
            + eventId
            + " not sent: it waited "
            + waited
            + " in the journal, more than its max age of "
            + maxAge
            + " (a re-send that late may be counted twice); moved to "
            + file);
    this.waited = waited;
  }

  /** How long the event had waited in the journal. */
  public Duration waited() {
    return waited;
  }
}
