package dev.gamingapi.server.broker;

import dev.gamingapi.server.PlatformException;
import dev.gamingapi.server.ProblemKind;

/** A tenant stream cannot be created or updated, or the broker did not apply its settings. */
public final class StreamProvisioningException extends PlatformException {
  StreamProvisioningException(String message) {
    super(message);
  }

  StreamProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The broker refused a stream (e.g. no room for the plan's storage): {@link
   * ProblemKind#UNAVAILABLE}.
   */
  @Override
  public ProblemKind kind() {
    return ProblemKind.UNAVAILABLE;
  }
}
