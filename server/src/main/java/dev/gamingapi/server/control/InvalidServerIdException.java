package dev.gamingapi.server.control;

import dev.gamingapi.server.PlatformException;

/** A game server id is not a single subject token of the allowed characters. */
public final class InvalidServerIdException extends PlatformException {
  InvalidServerIdException(String message) {
    super(message);
  }
}
