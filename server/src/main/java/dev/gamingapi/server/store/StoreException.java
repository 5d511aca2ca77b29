package dev.gamingapi.server.store;

import dev.gamingapi.server.PlatformException;

/** The database cannot be opened, migrated or used. */
public final class StoreException extends PlatformException {
  /** With a message naming the database and the problem. */
  public StoreException(String message) {
    super(message);
  }

  /** With a message naming the database and the problem, and its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
