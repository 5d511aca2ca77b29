package dev.gamingapi.server.app;

import dev.gamingapi.server.PlatformException;

/** The platform cannot reach the broker while starting. */
public final class PlatformStartException extends PlatformException {
  PlatformStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
