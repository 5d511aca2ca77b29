package dev.gamingapi.server.tenancy;

/** The caller may see the resource but not make this change. */
public final class ForbiddenException extends TenancyException {
  /** With a message naming what is not allowed. */
  public ForbiddenException(String message) {
    super(message);
  }
}
