package dev.gamingapi.server.http.oauth;

import dev.gamingapi.server.oauth.OAuthError;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How the token, revocation and introspection endpoints answer: JSON that is never cached, and
 * refusals as {@code {"error", "error_description"}} (RFC 6749 5.2) rather than problem documents,
 * since OAuth client libraries read those fields.
 */
final class ProtocolJson {
  private ProtocolJson() {}

  static void answer(Context ctx, Supplier<Map<String, Object>> step) {
    ctx.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    try {
      ctx.json(step.get());
    } catch (OAuthError e) {
      if (e.status() == 401 && ctx.header("Authorization") != null) {
        ctx.header("WWW-Authenticate", "Basic realm=\"gamingapi\"");
      }
      ctx.status(e.status()).json(Map.of("error", e.code(), "error_description", e.getMessage()));
    }
  }

  /**
   * The form parameter {@code name}, or null.
   *
   * @throws OAuthError invalid_request when it is sent twice (RFC 6749 3.2)
   */
  static String single(Context ctx, String name) {
    List<String> values = ctx.formParams(name);
    if (values.size() > 1) {
      throw OAuthError.invalidRequest(name + " is repeated");
    }
    return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }
}
