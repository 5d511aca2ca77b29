package dev.gamingapi.contract.event;

/** Type {@code command.failed}: the command failed after {@code attempts} deliveries. */
public record CommandFailed(String commandId, String name, String error, int attempts)
    implements EventData {
  /** Checks the fields; a bad one raises {@link InvalidEventException} naming it. */
  public CommandFailed {
    Require.present("command_id", commandId);
    Require.present("name", name);
    Require.present("error", error);
  }
}
