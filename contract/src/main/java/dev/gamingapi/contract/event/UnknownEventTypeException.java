package dev.gamingapi.contract.event;

import dev.gamingapi.contract.ContractException;

/** An event type that is neither in the catalog nor a {@code custom.{name}} type. */
public final class UnknownEventTypeException extends ContractException {
  /** An error naming the type and what is allowed instead. */
  public UnknownEventTypeException(String type) {
    super(
        "unknown event type '"
            + type
            + "': use a catalog type (e.g. player.connected) or 'custom.<name>' for your own");
  }
}
