package dev.gamingapi.server.commands;

/** A command larger than the tenant's max payload: the broker would refuse it. */
public final class CommandTooLargeException extends RuntimeException {
  /** An error naming the size and the limit. */
  public CommandTooLargeException(String message) {
    super(message);
  }
}
