package dev.gamingapi.server.http.oauth;

import dev.gamingapi.server.oauth.Client;
import dev.gamingapi.server.oauth.IssuedTokens;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.oauth.OAuthError;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /oauth/token} (RFC 6749 3.2): {@code authorization_code} with its PKCE verifier, and
 * {@code refresh_token}. A confidential client authenticates with HTTP Basic or with {@code
 * client_secret} in the form; a public one sends only its {@code client_id}.
 */
final class TokenEndpoint {
  static final String PATH = "/oauth/token";

  private final OAuth oauth;

  TokenEndpoint(OAuth oauth) {
    this.oauth = oauth;
  }

  void token(Context ctx) {
    ProtocolJson.answer(
        ctx,
        () -> {
          Client client = authenticate(oauth, ctx);
          String grantType = ProtocolJson.single(ctx, "grant_type");
          IssuedTokens issued =
              switch (grantType == null ? "" : grantType) {
                case "authorization_code" ->
                    oauth
                        .tokens()
                        .redeem(
                            client,
                            ProtocolJson.single(ctx, "code"),
                            ProtocolJson.single(ctx, "redirect_uri"),
                            ProtocolJson.single(ctx, "code_verifier"));
                case "refresh_token" ->
                    oauth
                        .tokens()
                        .refresh(
                            client,
                            ProtocolJson.single(ctx, "refresh_token"),
                            ProtocolJson.single(ctx, "scope"));
                default ->
                    throw OAuthError.unsupportedGrantType(
                        "grant_type must be authorization_code or refresh_token");
              };
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("access_token", issued.accessToken());
          body.put("token_type", "Bearer");
          body.put("expires_in", issued.expiresIn());
          body.put("refresh_token", issued.refreshToken());
          body.put("scope", issued.scope());
          return body;
        });
  }

  /**
   * The client of the request: HTTP Basic (RFC 6749 2.3.1, form-encoded id and secret) or {@code
   * client_id} (and {@code client_secret}) in the form, not both.
   */
  static Client authenticate(OAuth oauth, Context ctx) {
    String header = ctx.header("Authorization");
    String formId = ProtocolJson.single(ctx, "client_id");
    String formSecret = ProtocolJson.single(ctx, "client_secret");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      if (formSecret != null) {
        throw OAuthError.invalidRequest("use one client authentication method");
      }
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw OAuthError.invalidClient("the Basic credentials are not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw OAuthError.invalidClient("the Basic credentials have no ':'");
      }
      String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
      if (formId != null && !formId.equals(id)) {
        throw OAuthError.invalidClient("client_id differs from the Basic credentials'");
      }
      return oauth.clients().authenticate(id, secret);
    }
    return oauth.clients().authenticate(formId, formSecret);
  }
}
