package dev.gamingapi.server.broker;

import dev.gamingapi.server.PlatformException;
import dev.gamingapi.server.ProblemKind;

/** The embedded nats-server cannot be configured, started or reached. */
public class BrokerException extends PlatformException {
  public BrokerException(String message) {
    super(message);
  }

  public BrokerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The broker could not be reached or refused: {@link ProblemKind#UNAVAILABLE}. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.UNAVAILABLE;
  }
}
