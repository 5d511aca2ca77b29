package dev.gamingapi.contract.event;

import java.time.Instant;

/**
 * Type {@code command.expired}: the command's time to live passed before it ran; it was not
 * executed.
 */
public record CommandExpired(String commandId, String name, Instant expiredAt)
    implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public CommandExpired {
    Require.present("command_id", commandId);
    Require.present("name", name);
  }
}
