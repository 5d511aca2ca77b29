package dev.gamingapi.sdk;

/**
 * Root of every error the SDK raises itself. Bad input (an invalid id, an unknown event type) is
 * reported with the contract's exceptions instead, since the contract owns those rules.
 */
public class GamingApiException extends RuntimeException {
  /** An error whose message names the problem. */
  public GamingApiException(String message) {
    super(message);
  }

  /** An error whose message names the problem, caused by {@code cause}. */
  public GamingApiException(String message, Throwable cause) {
    super(message, cause);
  }
}
