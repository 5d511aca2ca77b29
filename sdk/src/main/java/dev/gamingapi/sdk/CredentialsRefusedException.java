package dev.gamingapi.sdk;

/**
 * The broker refuses the credentials for good: they were revoked (or their account deleted), or
 * they expired. Retrying cannot help, so the SDK stops sending and reports this once (to the
 * callback of {@link GameServerClient.Builder#onCredentialsRefused}) and then throws it from {@code
 * publish} and {@code flush}. Events not yet sent stay in the journal.
 *
 * <p>The message is one line: {@code credentials revoked ...} or {@code credentials expired at
 * <instant>}.
 */
public final class CredentialsRefusedException extends GamingApiException {
  private final boolean expired;

  /** A refusal; {@code expired} tells an expiry from a revocation. */
  public CredentialsRefusedException(String message, boolean expired) {
    super(message);
    this.expired = expired;
  }

  /** True when the credentials expired, false when they were revoked or are unknown. */
  public boolean expired() {
    return expired;
  }
}
