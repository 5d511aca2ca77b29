package dev.gamingapi.sdk;

import java.nio.file.Path;

/**
 * A NATS creds file that is missing, unreadable or malformed; the message names path and problem.
 */
public final class CredentialsException extends GamingApiException {
  /** An error about {@code path}: {@code problem} says what is wrong with it. */
  public CredentialsException(Path path, String problem) {
    super("credentials file " + path + ": " + problem);
  }

  /** An error about {@code path}, caused by {@code cause}. */
  public CredentialsException(Path path, String problem, Throwable cause) {
    super("credentials file " + path + ": " + problem, cause);
  }
}
