package dev.gamingapi.sdk.internal;

import dev.gamingapi.sdk.CredentialsRefusedException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a broker error that no retry can cure (the credentials were revoked or expired) from the
 * passing ones. nats-server 2.9 drops a live connection with {@code User Authentication Revoked} or
 * {@code User Authentication Expired}, and refuses every later connect with a bare {@code
 * Authorization Violation}, whatever the cause; jnats would retry that forever. The creds file's
 * own expiry then tells an expired credential from a revoked one. {@code Permissions Violation} (a
 * subject the credential may not use) is not a refusal of the credential.
 */
public final class CredentialsRefusal {
  private CredentialsRefusal() {}

  /**
   * The refusal that {@code error} (a broker error text, or a connect exception's message) means
   * for the credentials at {@code creds}, or empty when the error may pass.
   */
  public static Optional<CredentialsRefusedException> of(String error, Path creds) {
    if (error == null || creds == null) {
      return Optional.empty();
    }
    String text = error.toLowerCase(Locale.ROOT);
    Optional<Instant> expiry = expiryOf(creds);
    boolean expiredNow = expiry.map(at -> !at.isAfter(Instant.now())).orElse(false);
    if (text.contains("authentication expired") || (isAuthError(text) && expiredNow)) {
      return Optional.of(
          new CredentialsRefusedException(
              "credentials expired at "
                  + expiry.map(Instant::toString).orElse("an unknown time")
                  + " ("
                  + creds
                  + ")",
              true));
    }
    if (text.contains("authentication revoked") || isAuthError(text)) {
      return Optional.of(
          new CredentialsRefusedException(
              "credentials revoked: the broker refuses " + creds + " (" + error.strip() + ")",
              false));
    }
    return Optional.empty();
  }

  private static boolean isAuthError(String text) {
    return text.contains("authorization violation");
  }

  private static Optional<Instant> expiryOf(Path creds) {
    try {
      return Credentials.load(creds).expiry();
    } catch (RuntimeException e) {
      return Optional.empty(); // the file changed since start: the broker's word stands alone
    }
  }
}
