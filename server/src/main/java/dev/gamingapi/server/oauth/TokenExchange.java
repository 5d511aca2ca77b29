package dev.gamingapi.server.oauth;

import dev.gamingapi.server.common.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The token endpoint's grants: an authorization code (with its PKCE verifier) becomes a grant and
 * its first tokens; a refresh token becomes the next pair. Codes and refresh tokens are single use:
 * a second use of either revokes the grant the first one made (RFC 6749 4.1.2 and 10.4; RFC 9700
 * 4.14.2), since one of the two callers is a thief and the server cannot tell which.
 */
public final class TokenExchange {
  // RFC 7636 4.1: 43 to 128 unreserved characters.
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private final Jdbi jdbi;
  private final CodeStore codes;
  private final RefreshStore refreshes;
  private final Grants grants;
  private final AccessTokens accessTokens;
  private final OAuthConfig config;
  private final Clock clock;

  TokenExchange(
      Jdbi jdbi,
      CodeStore codes,
      RefreshStore refreshes,
      Grants grants,
      AccessTokens accessTokens,
      OAuthConfig config,
      Clock clock) {
    this.jdbi = jdbi;
    this.codes = codes;
    this.refreshes = refreshes;
    this.grants = grants;
    this.accessTokens = accessTokens;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Redeems {@code code} for {@code client}.
   *
   * @throws OAuthError invalid_grant for an unknown, expired, replayed or other client's code, a
   *     different redirect URI, or a missing or wrong verifier
   */
  public IssuedTokens redeem(Client client, String code, String redirectUri, String verifier) {
    if (code == null) {
      throw OAuthError.invalidRequest("code is required");
    }
    String hash = Secrets.hash(code);
    CodeStore.Code stored =
        codes.find(hash).orElseThrow(() -> OAuthError.invalidGrant("unknown authorization code"));
    if (stored.grantId() != null) {
      grants.revokeForAbuse(stored.grantId(), "authorization code replayed");
      throw OAuthError.invalidGrant("the authorization code was used already");
    }
    Instant now = Times.now(clock);
    if (!stored.clientId().equals(client.clientId())) {
      throw OAuthError.invalidGrant("the authorization code was issued to another client");
    }
    if (!stored.redirectUri().equals(redirectUri)) {
      throw OAuthError.invalidGrant("redirect_uri differs from the authorization request's");
    }
    if (!now.isBefore(stored.expiresAt())) {
      throw OAuthError.invalidGrant("the authorization code expired");
    }
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      throw OAuthError.invalidGrant("code_verifier is missing or malformed");
    }
    if (!Secrets.same(stored.codeChallenge(), s256(verifier))) {
      throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
    }
    Grant grant =
        new Grant(
            Secrets.id("grt_"),
            stored.account(),
            client.clientId(),
            client.name(),
            stored.owner(),
            stored.scope(),
            now,
            now.plus(stored.grantLifetime()),
            null,
            null);
    String refresh = Secrets.secret("gapirt_");
    jdbi.useTransaction(
        handle -> {
          GrantStore.insert(handle, grant);
          if (!CodeStore.redeem(handle, hash, grant.id())) {
            // Another redemption won the race: thrown, so that this grant is rolled back.
            throw OAuthError.invalidGrant("the authorization code was used already");
          }
          RefreshStore.insert(handle, Secrets.hash(refresh), grant.id(), now);
        });
    grants.created(grant);
    return issue(grant, grant.scope(), refresh);
  }

  /**
   * Uses {@code refreshToken} of {@code client}: the next pair, the sent token used up.
   *
   * @param scope the scope asked for (null: the grant's); at most the grant's
   * @throws OAuthError invalid_grant for an unknown or used token (the grant then revoked), another
   *     client's, or a grant that ended; invalid_scope for a wider scope
   */
  public IssuedTokens refresh(Client client, String refreshToken, String scope) {
    if (refreshToken == null) {
      throw OAuthError.invalidRequest("refresh_token is required");
    }
    String hash = Secrets.hash(refreshToken);
    RefreshStore.Refresh stored =
        refreshes.find(hash).orElseThrow(() -> OAuthError.invalidGrant("unknown refresh token"));
    if (stored.usedAt() != null) {
      grants.revokeForAbuse(stored.grantId(), "refresh token reused");
      throw OAuthError.invalidGrant("the refresh token was used already; the grant is revoked");
    }
    Grant grant =
        grants
            .active(stored.grantId())
            .orElseThrow(() -> OAuthError.invalidGrant("the grant was revoked or expired"));
    if (!grant.clientId().equals(client.clientId())) {
      throw OAuthError.invalidGrant("the refresh token was issued to another client");
    }
    GrantScope asked = scope == null ? grant.scope() : GrantScope.parse(scope);
    if (!asked.within(grant.scope())) {
      throw OAuthError.invalidScope("the scope is wider than the grant");
    }
    Instant now = Times.now(clock);
    String next = Secrets.secret("gapirt_");
    boolean used =
        jdbi.inTransaction(
            handle -> {
              if (!RefreshStore.use(handle, hash, now)) {
                return false;
              }
              RefreshStore.insert(handle, Secrets.hash(next), grant.id(), now);
              return true;
            });
    if (!used) {
      grants.revokeForAbuse(grant.id(), "refresh token reused");
      throw OAuthError.invalidGrant("the refresh token was used already; the grant is revoked");
    }
    return issue(grant, asked, next);
  }

  private IssuedTokens issue(Grant grant, GrantScope scope, String refresh) {
    String token = accessTokens.issue(grant, scope);
    return new IssuedTokens(token, config.accessTokenLifetime().toSeconds(), refresh, scope.wire());
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
