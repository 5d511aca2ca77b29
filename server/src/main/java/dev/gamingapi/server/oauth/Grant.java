package dev.gamingapi.server.oauth;

import java.time.Instant;

/**
 * What an owner gave an app: a scope of the account for a while.
 *
 * @param id {@code grt_} and 22 base64url characters
 * @param account the account
 * @param clientId the app's client id
 * @param clientName the app's name when the grant was given
 * @param owner the owner user who gave it
 * @param scope what it allows
 * @param createdAt when it was given
 * @param expiresAt when it ends (refresh tokens and NATS credentials end then too)
 * @param lastUsedAt when a token of it was last used, or null (kept to the minute)
 * @param revokedAt when it was revoked, or null
 */
public record Grant(
    String id,
    String account,
    String clientId,
    String clientName,
    String owner,
    GrantScope scope,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {
  /** Whether its tokens work at {@code now}. */
  public boolean isActive(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
