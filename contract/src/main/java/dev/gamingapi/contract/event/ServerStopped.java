package dev.gamingapi.contract.event;

/**
 * Type {@code server.stopped}: the game server shut down on purpose; {@code reason} is optional.
 */
public record ServerStopped(String reason) implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public ServerStopped {
    // every field is optional
  }
}
