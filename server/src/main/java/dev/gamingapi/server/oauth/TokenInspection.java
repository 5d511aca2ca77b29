package dev.gamingapi.server.oauth;

import dev.gamingapi.server.audit.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Revocation (RFC 7009) and introspection (RFC 7662) for the client that holds a token. Access
 * tokens are bound to their grant, so revoking either kind of token revokes the grant (RFC 7009 2.1
 * allows it for access tokens and asks it for refresh tokens). Revoking a token of another client
 * is refused with unauthorized_client (RFC 7009 2.1) and changes nothing; an unknown token is
 * answered as revoked (RFC 7009 2.2). Introspection shows another client's token as inactive.
 */
public final class TokenInspection {
  private final AccessTokens accessTokens;
  private final RefreshStore refreshes;
  private final Grants grants;

  TokenInspection(AccessTokens accessTokens, RefreshStore refreshes, Grants grants) {
    this.accessTokens = accessTokens;
    this.refreshes = refreshes;
    this.grants = grants;
  }

  /**
   * Revokes the grant of {@code token} if {@code client} holds it; does nothing for an unknown
   * token.
   *
   * @throws OAuthError unauthorized_client when the token was issued to another client
   */
  public void revoke(Client client, String token) {
    Optional<Grant> grant = grantOf(token);
    if (grant.isEmpty()) {
      return;
    }
    if (!grant.get().clientId().equals(client.clientId())) {
      throw OAuthError.unauthorizedClient("the token was not issued to this client");
    }
    grants.revokeByClient(grant.get(), new Actor("client:" + client.clientId(), null));
  }

  /**
   * What RFC 7662 answers for {@code token}: {@code active} and, for an active access token of
   * {@code client}, its claims.
   */
  public Map<String, Object> introspect(Client client, String token) {
    Map<String, Object> answer = new LinkedHashMap<>();
    Optional<AccessTokens.Claims> claims =
        token == null ? Optional.empty() : accessTokens.verify(token);
    Optional<Grant> grant =
        claims
            .filter(c -> c.clientId().equals(client.clientId()))
            .flatMap(c -> grants.active(c.grantId()));
    if (claims.isEmpty() || grant.isEmpty()) {
      answer.put("active", false);
      return answer;
    }
    AccessTokens.Claims valid = claims.get();
    answer.put("active", true);
    answer.put("scope", valid.scope().wire());
    answer.put("client_id", valid.clientId());
    answer.put("username", grant.get().owner());
    answer.put("token_type", "Bearer");
    answer.put("exp", valid.expiresAt().getEpochSecond());
    answer.put("iat", valid.issuedAt().getEpochSecond());
    answer.put("sub", valid.subject());
    answer.put("aud", accessTokens.audience());
    answer.put("iss", accessTokens.issuer());
    answer.put("jti", valid.jwtId());
    answer.put("account", valid.account());
    answer.put("grant_id", valid.grantId());
    return answer;
  }

  private Optional<Grant> grantOf(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Optional<String> grantId =
        AccessTokens.looksLikeJwt(token)
            ? accessTokens.verify(token).map(AccessTokens.Claims::grantId)
            : refreshes.find(Secrets.hash(token)).map(RefreshStore.Refresh::grantId);
    return grantId.flatMap(grants::find);
  }
}
