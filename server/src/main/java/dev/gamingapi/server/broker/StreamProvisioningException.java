package dev.gamingapi.server.broker;

import dev.gamingapi.server.PlatformException;

/** A tenant stream cannot be created or updated, or the broker did not apply its settings. */
public final class StreamProvisioningException extends PlatformException {
  StreamProvisioningException(String message) {
    super(message);
  }

  StreamProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
