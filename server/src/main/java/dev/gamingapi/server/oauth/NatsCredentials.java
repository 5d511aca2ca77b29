package dev.gamingapi.server.oauth;

import dev.gamingapi.server.access.Users;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Times;
import io.nats.client.NKey;
import java.time.Clock;
import java.time.Instant;

/**
 * NATS credentials for an app authorized over OAuth: a user JWT signed by the account, with the
 * read scope of the access token, for the public NKey the app generated (its seed never leaves it),
 * expiring with the grant. The key is recorded with the grant, so that revoking the grant revokes
 * it in the account JWT and the broker drops the app's connections.
 */
public final class NatsCredentials {
  /**
   * What the app gets.
   *
   * @param jwt the user JWT; with the app's seed it makes a creds file
   * @param inboxPrefix the inbox prefix its client must use (replies come only there)
   * @param expiresAt when the JWT expires: the grant's end
   */
  public record Issued(String jwt, String inboxPrefix, Instant expiresAt) {}

  private final AccessTokens accessTokens;
  private final Grants grants;
  private final Users users;
  private final Clock clock;

  NatsCredentials(AccessTokens accessTokens, Grants grants, Users users, Clock clock) {
    this.accessTokens = accessTokens;
    this.grants = grants;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Issues credentials for the grant of {@code accessToken} and the key {@code userPublicKey}.
   *
   * @throws OAuthError invalid_token when the token is not a valid access token of an active grant
   * @throws InvalidRequestException when the key is not a NATS user public key
   */
  public Issued issue(String accessToken, String userPublicKey) {
    checkUserKey(userPublicKey);
    AccessTokens.Claims claims =
        accessTokens
            .verify(accessToken)
            .orElseThrow(() -> OAuthError.invalidToken("not a valid access token"));
    Grant grant =
        grants
            .active(claims.grantId())
            .orElseThrow(() -> OAuthError.invalidToken("the grant was revoked or expired"));
    // Recorded before issuing: a revocation from now on covers this key.
    grants.store().addNatsKey(grant.id(), userPublicKey, Times.now(clock));
    GrantScope scope = claims.scope();
    String jwt =
        users.appJwtFor(
            grant.account(),
            grant.id(),
            scope.servers(),
            scope.eventTypes(),
            userPublicKey,
            grant.expiresAt());
    if (grants.active(grant.id()).isEmpty()) {
      // Revoked between the check and the record: the revocation may have missed this key.
      users.revokeKeys(grant.account(), java.util.List.of(userPublicKey));
      throw OAuthError.invalidToken("the grant was revoked");
    }
    return new Issued(jwt, "_APP_INBOX_" + grant.id(), grant.expiresAt());
  }

  private static void checkUserKey(String key) {
    boolean user;
    try {
      user = key != null && key.startsWith("U") && NKey.fromPublicKey(key.toCharArray()) != null;
    } catch (IllegalArgumentException e) {
      user = false;
    }
    if (!user) {
      throw new InvalidRequestException("public_key", "must be a NATS user public key (U...)");
    }
  }
}
