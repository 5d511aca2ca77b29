package dev.gamingapi.sdk;

/** The journal directory cannot be read or written (disk full, permissions, in use elsewhere). */
public final class JournalException extends GamingApiException {
  /** An error whose message names the file and the problem. */
  public JournalException(String message) {
    super(message);
  }

  /** An error whose message names the file and the problem, caused by {@code cause}. */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
