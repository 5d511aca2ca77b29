package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The token may not do this (401 or 403): it is unknown, revoked or expired (401), or its user
 * lacks the right (403); to send commands, for instance, an app needs {@code may_send_commands} and
 * the server in its {@code servers} scope.
 */
public final class NotPermittedException extends ApiProblemException {
  /** See {@link ApiProblemException#ApiProblemException}. */
  public NotPermittedException(int status, String type, String detail, JsonNode errors) {
    super(status, type, detail, errors);
  }
}
