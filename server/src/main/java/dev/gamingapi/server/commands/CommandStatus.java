package dev.gamingapi.server.commands;

import java.util.Locale;

/** Where a command is: waiting, handed to its game server, or done one of three ways. */
public enum CommandStatus {
  /** In the {@code COMMANDS} stream, not yet handed to the game server. */
  QUEUED,
  /** Handed to the game server and not yet answered (it may be running or waiting to retry). */
  DELIVERED,
  /** The game server ran it: {@code command.succeeded}. */
  SUCCEEDED,
  /** Every allowed delivery failed: {@code command.failed}. */
  FAILED,
  /** Its time to live passed before it ran; it was not executed: {@code command.expired}. */
  EXPIRED;

  /** The name in the API and the database: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The status named {@code wire}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static CommandStatus of(String wire) {
    for (CommandStatus status : values()) {
      if (status.wire().equals(wire)) {
        return status;
      }
    }
    throw new IllegalArgumentException(wire);
  }
}
