package dev.gamingapi.server.tenancy;

/** The request clashes with what exists: a duplicate name, a change made meanwhile. */
public final class ConflictException extends TenancyException {
  /** With a message naming the clash. */
  public ConflictException(String message) {
    super(message);
  }
}
