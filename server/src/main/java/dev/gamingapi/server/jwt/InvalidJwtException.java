package dev.gamingapi.server.jwt;

import dev.gamingapi.server.PlatformException;

/** A JWT cannot be signed, does not decode, or its signature does not match its issuer. */
public final class InvalidJwtException extends PlatformException {
  public InvalidJwtException(String message, Throwable cause) {
    super(message, cause);
  }
}
