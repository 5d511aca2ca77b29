package dev.gamingapi.server.tenancy;

/** The named account, server, user or share does not exist (or is not the caller's to see). */
public final class NotFoundException extends TenancyException {
  /** E.g. {@code new NotFoundException("account", "acme")}. */
  public NotFoundException(String what, String name) {
    super(what + " '" + name + "' does not exist");
  }
}
