package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The token may not do this (401 or 403): it is unknown, revoked or expired, or its user may not
 * send commands (an app needs {@code may_send_commands}, and the server in its {@code servers}
 * scope).
 */
public final class NotPermittedException extends ApiProblemException {
  /** See {@link ApiProblemException#ApiProblemException}. */
  public NotPermittedException(int status, String type, String detail, JsonNode errors) {
    super(status, type, detail, errors);
  }
}
