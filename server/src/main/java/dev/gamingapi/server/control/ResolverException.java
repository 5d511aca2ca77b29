package dev.gamingapi.server.control;

import dev.gamingapi.server.PlatformException;

/** The account resolver refused a push, did not answer, or stored something other than sent. */
public final class ResolverException extends PlatformException {
  ResolverException(String message) {
    super(message);
  }

  ResolverException(String message, Throwable cause) {
    super(message, cause);
  }
}
