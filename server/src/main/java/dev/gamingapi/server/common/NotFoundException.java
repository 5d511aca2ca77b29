package dev.gamingapi.server.common;

import dev.gamingapi.server.ProblemKind;

/** The named account, server, user or share does not exist (or is not the caller's to see). */
public final class NotFoundException extends RequestException {
  /** E.g. {@code new NotFoundException("account", "acme")}. */
  public NotFoundException(String what, String name) {
    super(what + " '" + name + "' does not exist");
  }

  /** {@link ProblemKind#NOT_FOUND}. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.NOT_FOUND;
  }
}
