package dev.gamingapi.cli.api;

/**
 * The REST API refused a request: its message is the problem's {@code detail}, which is what the
 * CLI prints (exit code 1).
 */
public final class ApiException extends RuntimeException {
  private final int status;

  ApiException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status of the refusal, e.g. 404. */
  public int status() {
    return status;
  }
}
