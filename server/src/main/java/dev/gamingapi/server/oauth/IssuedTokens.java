package dev.gamingapi.server.oauth;

/**
 * What the token endpoint answers (RFC 6749 5.1).
 *
 * @param accessToken the JWT access token
 * @param expiresIn its lifetime in seconds
 * @param refreshToken the next refresh token of the grant (the one sent is used up)
 * @param scope the scope of the access token
 */
public record IssuedTokens(String accessToken, long expiresIn, String refreshToken, String scope) {
  /** Keeps the secrets out of logs. */
  @Override
  public String toString() {
    return "IssuedTokens[scope=" + scope + ", expiresIn=" + expiresIn + "]";
  }
}
