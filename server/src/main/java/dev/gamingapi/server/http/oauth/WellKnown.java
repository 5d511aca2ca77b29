package dev.gamingapi.server.http.oauth;

import dev.gamingapi.server.oauth.OAuth;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two documents a client library starts from: the public keys that verify access tokens ({@code
 * /.well-known/jwks.json}) and the server's metadata (RFC 8414).
 */
final class WellKnown {
  static final String JWKS = "/.well-known/jwks.json";
  static final String METADATA = "/.well-known/oauth-authorization-server";

  private final OAuth oauth;

  WellKnown(OAuth oauth) {
    this.oauth = oauth;
  }

  void jwks(Context ctx) {
    // Short caching: a rotated-in key must reach verifiers before its first token does.
    ctx.header("Cache-Control", "max-age=60")
        .contentType("application/jwk-set+json")
        .result(oauth.signingKeys().published().toString());
  }

  void metadata(Context ctx) {
    String issuer = oauth.issuer();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("issuer", issuer);
    body.put("authorization_endpoint", issuer + AuthorizeEndpoint.PATH);
    body.put("token_endpoint", issuer + TokenEndpoint.PATH);
    body.put("jwks_uri", issuer + JWKS);
    body.put("revocation_endpoint", issuer + "/oauth/revoke");
    body.put("introspection_endpoint", issuer + "/oauth/introspect");
    body.put("response_types_supported", List.of("code"));
    body.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    body.put("code_challenge_methods_supported", List.of("S256"));
    body.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "none"));
    body.put("scopes_supported", List.of("events:read", "commands:send"));
    body.put("authorization_response_iss_parameter_supported", true);
    ctx.json(body);
  }
}
