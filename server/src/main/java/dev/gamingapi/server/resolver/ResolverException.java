package dev.gamingapi.server.resolver;

import dev.gamingapi.server.PlatformException;
import dev.gamingapi.server.ProblemKind;

/** The account resolver refused a push, did not answer, or stored something other than sent. */
public final class ResolverException extends PlatformException {
  ResolverException(String message) {
    super(message);
  }

  ResolverException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@link ProblemKind#UNAVAILABLE}. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.UNAVAILABLE;
  }
}
