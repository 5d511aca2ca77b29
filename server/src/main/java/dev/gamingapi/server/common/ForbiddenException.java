package dev.gamingapi.server.common;

import dev.gamingapi.server.ProblemKind;

/** The caller may see the resource but not make this change. */
public final class ForbiddenException extends RequestException {
  /** With a message naming what is not allowed. */
  public ForbiddenException(String message) {
    super(message);
  }

  /** {@link ProblemKind#FORBIDDEN}. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.FORBIDDEN;
  }
}
