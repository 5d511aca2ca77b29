package dev.gamingapi.server.app.backup;

import dev.gamingapi.server.PlatformException;

/** A backup cannot be taken or restored; the message says which step and why. */
public final class BackupException extends PlatformException {
  BackupException(String message) {
    super(message);
  }

  BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
