package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The request itself was refused (400, 409 or 413): a field that does not validate, a name that
 * already exists, a body too large. Nothing was changed; sending it again unchanged will fail
 * again.
 */
public class InvalidRequestException extends ApiProblemException {
  /** See {@link ApiProblemException#ApiProblemException}. */
  public InvalidRequestException(int status, String type, String detail, JsonNode errors) {
    super(status, type, detail, errors);
  }
}
