package dev.gamingapi.server.common;

import dev.gamingapi.server.PlatformException;

/** A control-plane request that cannot be carried out as asked; subclasses say why. */
public abstract class RequestException extends PlatformException {
  RequestException(String message) {
    super(message);
  }
}
