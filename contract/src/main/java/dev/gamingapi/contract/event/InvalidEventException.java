package dev.gamingapi.contract.event;

import dev.gamingapi.contract.ContractException;

/** An event that is malformed: a required field missing, a value out of range, bad JSON. */
public final class InvalidEventException extends ContractException {
  /** An error whose message names the field or the problem. */
  public InvalidEventException(String message) {
    super(message);
  }

  /** An error whose message names the problem, caused by {@code cause}. */
  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
