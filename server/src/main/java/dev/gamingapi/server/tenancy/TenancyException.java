package dev.gamingapi.server.tenancy;

import dev.gamingapi.server.PlatformException;

/** A control-plane request that cannot be carried out as asked; subclasses say why. */
public abstract class TenancyException extends PlatformException {
  TenancyException(String message) {
    super(message);
  }
}
