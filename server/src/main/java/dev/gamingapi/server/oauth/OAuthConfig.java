package dev.gamingapi.server.oauth;

import java.time.Duration;
import java.util.List;

/**
 * The lifetimes of the authorization server.
 *
 * @param codeLifetime how long an authorization code may be redeemed (RFC 6749 advises at most 10
 *     minutes)
 * @param accessTokenLifetime how long an access token is valid: minutes, since a revoked grant's
 *     tokens are refused anyway but a copy verified offline against the JWKS is not
 * @param consentLifetime how long an owner signed in on the consent page has to decide
 * @param keyRotation how long a signing key signs before the next one takes over
 * @param grantLifetimes what an owner may choose for how long a grant lasts; the first is the
 *     default
 */
public record OAuthConfig(
    Duration codeLifetime,
    Duration accessTokenLifetime,
    Duration consentLifetime,
    Duration keyRotation,
    List<Duration> grantLifetimes) {
  /** Checks and copies. */
  public OAuthConfig {
    for (Duration duration :
        List.of(codeLifetime, accessTokenLifetime, consentLifetime, keyRotation)) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("OAuth lifetimes must be positive");
      }
    }
    if (grantLifetimes.isEmpty()) {
      throw new IllegalArgumentException("owners need at least one grant lifetime to choose");
    }
    grantLifetimes = List.copyOf(grantLifetimes);
  }

  /** One minute codes, five minute access tokens, keys rotated every 30 days. */
  public static OAuthConfig defaults() {
    return new OAuthConfig(
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofDays(30),
        List.of(
            Duration.ofDays(30),
            Duration.ofHours(1),
            Duration.ofDays(1),
            Duration.ofDays(7),
            Duration.ofDays(90)));
  }
}
