package dev.gamingapi.server.broker;

/** No {@code nats-server} executable was found; the message says how to install one. */
public final class NatsServerNotFoundException extends BrokerException {
  NatsServerNotFoundException(String message) {
    super(message);
  }
}
