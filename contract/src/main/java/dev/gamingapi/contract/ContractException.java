package dev.gamingapi.contract;

/**
 * Root of every error the contract raises for bad input: an invalid id, an unknown event type, a
 * malformed event. Subclasses name the failure; the message names the offending value and the rule.
 */
public class ContractException extends RuntimeException {
  /** An error with a message that names the problem. */
  public ContractException(String message) {
    super(message);
  }

  /** An error with a message that names the problem, caused by {@code cause}. */
  public ContractException(String message, Throwable cause) {
    super(message, cause);
  }
}
