package dev.gamingapi.server.oauth;

/**
 * A refusal of the OAuth protocol, with its RFC 6749 error code. The protocol's endpoints answer it
 * as {@code {"error": ..., "error_description": ...}} (or on the redirect URI, when the request
 * named a registered one), not as a problem document: OAuth client libraries read these fields.
 */
public final class OAuthError extends RuntimeException {
  private final String code;
  private final int status;
  private final boolean redirectable;

  private OAuthError(String code, int status, String description, boolean redirectable) {
    super(description, null, false, false);
    this.code = code;
    this.status = status;
    this.redirectable = redirectable;
  }

  private OAuthError(String code, int status, String description) {
    this(code, status, description, true);
  }

  /**
   * The client is unknown or the redirect URI is missing or not registered: the authorization
   * endpoint shows an error page and must not redirect (RFC 6749 4.1.2.1), or it would be an open
   * redirector.
   */
  public static OAuthError noRedirect(String description) {
    return new OAuthError("invalid_request", 400, description, false);
  }

  /** A parameter is missing, repeated or malformed. */
  public static OAuthError invalidRequest(String description) {
    return new OAuthError("invalid_request", 400, description);
  }

  /** Client authentication failed: unknown client, wrong or missing secret. */
  public static OAuthError invalidClient(String description) {
    return new OAuthError("invalid_client", 401, description);
  }

  /** The code or refresh token is invalid, expired, used, or not this client's; or PKCE failed. */
  public static OAuthError invalidGrant(String description) {
    return new OAuthError("invalid_grant", 400, description);
  }

  /**
   * The client is authenticated but the token it names was issued to another client (RFC 7009 2.1:
   * the revocation request is refused); 400, as RFC 6749 5.2 answers every error but
   * invalid_client.
   */
  public static OAuthError unauthorizedClient(String description) {
    return new OAuthError("unauthorized_client", 400, description);
  }

  /** The grant type is not one this server supports. */
  public static OAuthError unsupportedGrantType(String description) {
    return new OAuthError("unsupported_grant_type", 400, description);
  }

  /** The response type is not {@code code}. */
  public static OAuthError unsupportedResponseType(String description) {
    return new OAuthError("unsupported_response_type", 400, description);
  }

  /** The scope is malformed, or wider than the client may ask or the owner may give. */
  public static OAuthError invalidScope(String description) {
    return new OAuthError("invalid_scope", 400, description);
  }

  /** The owner refused. */
  public static OAuthError accessDenied(String description) {
    return new OAuthError("access_denied", 400, description);
  }

  /** The access token is missing, invalid, expired or revoked (RFC 6750). */
  public static OAuthError invalidToken(String description) {
    return new OAuthError("invalid_token", 401, description);
  }

  /** The RFC 6749 error code, e.g. {@code invalid_grant}. */
  public String code() {
    return code;
  }

  /** Whether the authorization endpoint may send it to the request's redirect URI. */
  public boolean redirectable() {
    return redirectable;
  }

  /** The HTTP status the token endpoint answers it with. */
  public int status() {
    return status;
  }
}
