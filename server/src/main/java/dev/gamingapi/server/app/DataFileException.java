package dev.gamingapi.server.app;

import dev.gamingapi.server.PlatformException;

/** A file under the data directory cannot be read or written. */
public final class DataFileException extends PlatformException {
  DataFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
