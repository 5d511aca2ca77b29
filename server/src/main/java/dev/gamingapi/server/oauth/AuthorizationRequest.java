package dev.gamingapi.server.oauth;

/**
 * The parameters of an authorization request (RFC 6749 4.1.1 with RFC 7636 PKCE), as the app sent
 * them; they travel with the consent pages and are checked again at each step.
 *
 * @param clientId {@code client_id}
 * @param redirectUri {@code redirect_uri}: required, and equal to a registered one
 * @param responseType {@code response_type}: {@code code}
 * @param scope {@code scope} (see {@link GrantScope})
 * @param state {@code state}, returned as is; recommended against CSRF on the app's side
 * @param codeChallenge {@code code_challenge}: base64url SHA-256 of the verifier, 43 characters
 * @param codeChallengeMethod {@code code_challenge_method}: {@code S256} only
 */
public record AuthorizationRequest(
    String clientId,
    String redirectUri,
    String responseType,
    String scope,
    String state,
    String codeChallenge,
    String codeChallengeMethod) {}
