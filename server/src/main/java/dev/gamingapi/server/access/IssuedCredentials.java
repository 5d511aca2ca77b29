package dev.gamingapi.server.access;

/**
 * What creating or rotating a user answers, once: the NATS creds file and the API token. Neither is
 * stored by the platform (the token only as a hash).
 *
 * @param user the user
 * @param creds the content of a NATS {@code .creds} file
 * @param token the bearer token of the REST API
 */
public record IssuedCredentials(User user, String creds, String token) {
  /** Keeps secrets out of logs. */
  @Override
  public String toString() {
    return "IssuedCredentials[user=" + user.name() + ", creds=****, token=****]";
  }
}
