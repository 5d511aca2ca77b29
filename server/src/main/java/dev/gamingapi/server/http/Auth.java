package dev.gamingapi.server.http;

import dev.gamingapi.server.access.Tokens;
import dev.gamingapi.server.access.Users;
import dev.gamingapi.server.oauth.AccessTokens;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.tenancy.TenancyServices;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Bearer-token authentication and per-token rate limits, before every {@code /api/v1} route but
 * health. The token is looked up by its hash on every request, in what the instance read in the
 * last second (Users, OperatorToken, AccessTokens): a token revoked or expired through this
 * instance is refused from the next request on, through another within a second.
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
    Optional<Users.Principal> principal;
    if (AccessTokens.looksLikeJwt(token)) {
      // An OAuth access token acts as an app user of its grant's account with the token's scope;
      // the operator's token is never one.
      principal = oauth.accessTokens().authenticate(token);
    } else {
      // Hashed once for both lookups: each hash costs a few microseconds on every request.
      String hash = Tokens.hash(token);
      if (tenancy.operatorToken().matchesHash(hash)) {
        ctx.attribute(Requests.CALLER, Caller.OPERATOR);
        return;
      }
      principal = tenancy.users().authenticateHash(hash);
    }
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
