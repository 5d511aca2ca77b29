package dev.gamingapi.contract.subject;

import dev.gamingapi.contract.ContractException;

/** A server id, player id or command name that breaks the subject-token rule. */
public final class InvalidIdException extends ContractException {
  /** An error naming the kind of id, the id and the rule it breaks. */
  public InvalidIdException(String kind, String id, String rule) {
    super("invalid " + kind + " '" + id + "': " + rule);
  }
}
