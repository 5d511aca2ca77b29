package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No such resource (404): account, server, user, command, leaderboard... A token of another tenant
 * gets this too: tenants never learn of each other.
 */
public final class ResourceNotFoundException extends ApiProblemException {
  /** See {@link ApiProblemException#ApiProblemException}. */
  public ResourceNotFoundException(int status, String type, String detail, JsonNode errors) {
    super(status, type, detail, errors);
  }
}
