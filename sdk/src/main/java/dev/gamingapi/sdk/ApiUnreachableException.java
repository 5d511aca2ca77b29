package dev.gamingapi.sdk;

/**
 * The REST API did not answer at all: nothing listens at its URL, the host is unknown, the
 * connection broke, or no answer came in time. The message names the URL and the reason.
 */
public final class ApiUnreachableException extends GamingApiException {
  private final boolean timedOut;

  /**
   * An API that did not answer.
   *
   * @param message names the URL and the reason
   * @param timedOut whether it was the time that ran out (see {@link #timedOut()})
   * @param cause the transport's failure
   */
  public ApiUnreachableException(String message, boolean timedOut, Throwable cause) {
    super(message, cause);
    this.timedOut = timedOut;
  }

  /**
   * Whether no answer came in time, rather than no connection at all. Unlike a refused connection,
   * a request that timed out may still have been carried out: retry only what is safe to repeat.
   */
  public boolean timedOut() {
    return timedOut;
  }
}
