package dev.gamingapi.server;

import java.util.Map;

/**
 * The root of every failure the GamingAPI server reports.
 *
 * <p>Unchecked on purpose: callers (the CLI, the HTTP edge) map the subclasses, which are named
 * after the failure, to exit codes and problem responses in one place instead of catching at every
 * call.
 */
public class PlatformException extends RuntimeException {
  /** A failure described by {@code message}. */
  public PlatformException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public PlatformException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * What kind of failure this is; {@link ProblemKind#INTERNAL} unless a subclass says otherwise.
   */
  public ProblemKind kind() {
    return ProblemKind.INTERNAL;
  }

  /**
   * Facts a client may act on, by name (snake_case), added to the problem response as extension
   * members; none unless a subclass says otherwise.
   */
  public Map<String, Object> details() {
    return Map.of();
  }
}
