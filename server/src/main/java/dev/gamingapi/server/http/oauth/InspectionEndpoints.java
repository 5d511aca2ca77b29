package dev.gamingapi.server.http.oauth;

import dev.gamingapi.server.oauth.Client;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.oauth.OAuthError;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code POST /oauth/revoke} (RFC 7009) and {@code POST /oauth/introspect} (RFC 7662), for the
 * client that holds the token, authenticated as at the token endpoint.
 */
final class InspectionEndpoints {
  static final String REVOKE = "/oauth/revoke";
  static final String INTROSPECT = "/oauth/introspect";

  private final OAuth oauth;

  InspectionEndpoints(OAuth oauth) {
    this.oauth = oauth;
  }

  void revoke(Context ctx) {
    ProtocolJson.answer(
        ctx,
        () -> {
          Client client = TokenEndpoint.authenticate(oauth, ctx);
          oauth.inspection().revoke(client, token(ctx));
          return Map.of(); // RFC 7009 2.2: 200 for an unknown token too
        });
  }

  void introspect(Context ctx) {
    ProtocolJson.answer(
        ctx,
        () -> {
          Client client = TokenEndpoint.authenticate(oauth, ctx);
          return oauth.inspection().introspect(client, token(ctx));
        });
  }

  private static String token(Context ctx) {
    String token = ProtocolJson.single(ctx, "token");
    if (token == null) {
      throw OAuthError.invalidRequest("token is required");
    }
    return token;
  }
}
