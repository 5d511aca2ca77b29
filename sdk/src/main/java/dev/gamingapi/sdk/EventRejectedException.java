package dev.gamingapi.sdk;

import java.nio.file.Path;

/**
 * The broker refused a journaled event for good (a {@code Permissions Violation}: the credential
 * may not publish on the event's subject). Re-sending cannot help, and would hold up every later
 * event, so the event was moved out of the journal to the rejected file (JSON lines in the journal
 * directory) and this is reported once to {@link GameServerClient.Builder#onEventRejected}, and
 * thrown by the next {@link GameServerClient#flush}. {@link EventExpiredException}, an event that
 * waited in the journal too long, is reported the same way.
 */
public class EventRejectedException extends GamingApiException {
  private final String eventId;
  private final Path rejectedFile;

  /** Event {@code eventId} was refused for {@code reason} and written to {@code rejectedFile}. */
  public EventRejectedException(String eventId, String reason, Path rejectedFile) {
    this(
        rejectedFile,
        eventId,
        "event " + eventId + " rejected by the broker (" + reason + "); moved to " + rejectedFile);
  }

  /**
   * A rejection of event {@code eventId}, written to {@code rejectedFile}, saying {@code message}.
   */
  protected EventRejectedException(Path rejectedFile, String eventId, String message) {
    super(message);
    this.eventId = eventId;
    this.rejectedFile = rejectedFile;
  }

  /** The id of the rejected event. */
  public String eventId() {
    return eventId;
  }

  /** The JSON-lines file the event was moved to. */
  public Path rejectedFile() {
    return rejectedFile;
  }
}
