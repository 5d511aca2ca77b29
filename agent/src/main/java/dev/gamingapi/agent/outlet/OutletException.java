package dev.gamingapi.agent.outlet;

/**
 * A command could not be handed on to its game server, or the game server reported a failure. The
 * message becomes the {@code error} of {@code command.failed}, so it names the server's address,
 * the step that failed and, where one is likely, the cause to check.
 */
public class OutletException extends RuntimeException {
  /** A failure described by {@code message}. */
  public OutletException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public OutletException(String message, Throwable cause) {
    super(message, cause);
  }
}
