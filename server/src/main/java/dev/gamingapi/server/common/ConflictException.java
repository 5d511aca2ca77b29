package dev.gamingapi.server.common;

import dev.gamingapi.server.ProblemKind;

/** The request clashes with what exists: a duplicate name, a change made meanwhile. */
public final class ConflictException extends RequestException {
  /** With a message naming the clash. */
  public ConflictException(String message) {
    super(message);
  }

  /** {@link ProblemKind#CONFLICT}. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.CONFLICT;
  }
}
