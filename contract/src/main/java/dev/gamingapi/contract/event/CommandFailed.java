package dev.gamingapi.contract.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Type {@code command.failed}: the command failed after {@code attempts} deliveries. */
public record CommandFailed(
    String commandId, String name, String error, @JsonProperty(required = true) int attempts)
    implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public CommandFailed {
    Require.present("command_id", commandId);
    Require.present("name", name);
    Require.present("error", error);
    Require.notNegative("attempts", attempts);
  }
}
