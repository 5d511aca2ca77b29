package dev.gamingapi.server.http.oauth;

import dev.gamingapi.server.oauth.OAuth;
import io.javalin.config.RoutesConfig;

/** Registers the OAuth protocol endpoints; outside {@code /api/v1}, so bearer auth skips them. */
public final class OAuthEndpoints {
  private OAuthEndpoints() {}

  /** Adds the endpoints of {@code oauth} to {@code routes}. */
  public static void register(RoutesConfig routes, OAuth oauth) {
    AuthorizeEndpoint authorize = new AuthorizeEndpoint(oauth);
    routes.get(AuthorizeEndpoint.PATH, authorize::start);
    routes.post(AuthorizeEndpoint.PATH, authorize::signIn);
    routes.post(AuthorizeEndpoint.DECISION, authorize::decide);
    routes.post(TokenEndpoint.PATH, new TokenEndpoint(oauth)::token);
    InspectionEndpoints inspection = new InspectionEndpoints(oauth);
    routes.post(InspectionEndpoints.REVOKE, inspection::revoke);
    routes.post(InspectionEndpoints.INTROSPECT, inspection::introspect);
    WellKnown wellKnown = new WellKnown(oauth);
    routes.get(WellKnown.JWKS, wellKnown::jwks);
    routes.get(WellKnown.METADATA, wellKnown::metadata);
  }
}
