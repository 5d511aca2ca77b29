package dev.gamingapi.contract.event;

/**
 * Type {@code server.wiped}: the world (and optionally progress) was reset; {@code scope} is e.g.
 * map or full.
 */
public record ServerWiped(String scope) implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public ServerWiped {
    // every field is optional
  }
}
