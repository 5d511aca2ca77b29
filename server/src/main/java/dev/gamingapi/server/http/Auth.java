package dev.gamingapi.server.http;

import dev.gamingapi.server.access.Users;
import dev.gamingapi.server.oauth.AccessTokens;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Bearer-token authentication and per-token rate limits, before every {@code /api/v1} route but
 * health. The token is looked up on every request (by its hash), so a revoked or expired user is
 * refused from the next request on.
 */
final class Auth {
  private static final String BEARER = "Bearer ";

  private final TenancyServices tenancy;
  private final OAuth oauth;
  private final RateLimiter limiter = new RateLimiter();

  Auth(TenancyServices tenancy, OAuth oauth) {
    this.tenancy = tenancy;
    this.oauth = oauth;
  }

  void authenticate(Context ctx) {
    if (ctx.path().equals("/api/v1/health")) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith(BEARER)) {
      throw ApiException.unauthorized("send 'Authorization: Bearer <token>'");
    }
    String token = header.substring(BEARER.length()).strip();
    if (tenancy.operatorToken().matches(token)) {
      ctx.attribute(Requests.CALLER, Caller.OPERATOR);
      return;
    }
    // An OAuth access token acts as an app user of its grant's account with the token's scope.
    Optional<Users.Principal> principal =
        AccessTokens.looksLikeJwt(token)
            ? oauth.accessTokens().authenticate(token)
            : tenancy.users().authenticate(token);
    if (principal.isEmpty()) {
      throw ApiException.unauthorized("the token is unknown, revoked or expired");
    }
    String account = principal.get().account();
    long perMinute = tenancy.accounts().planOf(account).apiRequestsPerMinute();
    long wait = limiter.acquire(account + "/" + principal.get().user().name(), perMinute);
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      throw ApiException.rateLimited(
          "this token may send " + perMinute + " requests a minute; retry in " + wait + " s");
    }
    ctx.attribute(Requests.CALLER, new Caller(account, principal.get().user()));
  }
}
