package dev.gamingapi.server.broker;

import dev.gamingapi.server.PlatformException;

/** The embedded nats-server cannot be configured, started or reached. */
public class BrokerException extends PlatformException {
  public BrokerException(String message) {
    super(message);
  }

  public BrokerException(String message, Throwable cause) {
    super(message, cause);
  }
}
