package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The command itself was refused (400, 409 or 413): an unknown or unregistered name, arguments that
 * do not match the registered schema, a time to live out of range, an idempotency key reused for
 * another command, a payload too large. Nothing was queued; sending it again unchanged will fail
 * again.
 */
public final class InvalidCommandException extends InvalidRequestException {
  /** See {@link ApiProblemException#ApiProblemException}. */
  public InvalidCommandException(int status, String type, String detail, JsonNode errors) {
    super(status, type, detail, errors);
  }
}
