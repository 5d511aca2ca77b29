package dev.gamingapi.server.keys;

import dev.gamingapi.server.PlatformException;

/** The key vault or the master key file cannot be read or written. */
public final class KeyVaultException extends PlatformException {
  KeyVaultException(String message) {
    super(message);
  }

  KeyVaultException(String message, Throwable cause) {
    super(message, cause);
  }
}
