package dev.gamingapi.contract.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Type {@code command.succeeded}: the game server executed a command; {@code output} is the
 * handler's JSON result.
 */
public record CommandSucceeded(String commandId, String name, JsonNode output)
    implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public CommandSucceeded {
    Require.present("command_id", commandId);
    Require.present("name", name);
  }
}
