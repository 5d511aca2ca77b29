package dev.gamingapi.server.keys;

import dev.gamingapi.server.PlatformException;

/** The master key cannot decrypt the key vault: it is not the key the vault was written with. */
public final class WrongMasterKeyException extends PlatformException {
  WrongMasterKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
