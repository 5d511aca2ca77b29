package dev.gamingapi.server.http.oauth;

import dev.gamingapi.server.oauth.AuthorizationRequest;
import dev.gamingapi.server.oauth.Consent;
import dev.gamingapi.server.oauth.GrantScope;
import dev.gamingapi.server.oauth.OAuth;
import dev.gamingapi.server.oauth.OAuthError;
import dev.gamingapi.server.oauth.PendingAuthorization;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /oauth/authorize}: the request is checked, the owner signs in with its API token (CSRF
 * token in a cookie and the form: double submit), then decides on the consent page (CSRF token
 * bound to the signed-in session's cookie); the browser goes back to the app with a code or an
 * error. A request whose client or redirect URI is wrong gets an error page, never a redirect.
 */
final class AuthorizeEndpoint {
  static final String PATH = "/oauth/authorize";
  static final String DECISION = "/oauth/authorize/decision";
  private static final String CSRF_COOKIE = "gapi_oauth_csrf";
  private static final String SESSION_COOKIE = "gapi_oauth_session";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final OAuth oauth;

  AuthorizeEndpoint(OAuth oauth) {
    this.oauth = oauth;
  }

  void start(Context ctx) {
    handle(
        ctx,
        ctx::queryParam,
        false,
        () -> {
          PendingAuthorization pending = oauth.authorizations().check(request(ctx::queryParam));
          String csrf = random();
          cookie(ctx, CSRF_COOKIE, csrf, oauth.config().consentLifetime());
          ConsentPages.signIn(ctx, pending, csrf, null);
        });
  }

  void signIn(Context ctx) {
    handle(
        ctx,
        ctx::formParam,
        true,
        () -> {
          PendingAuthorization pending = oauth.authorizations().check(request(ctx::formParam));
          String csrf = ctx.formParam("csrf");
          if (csrf == null || !csrf.equals(ctx.cookie(CSRF_COOKIE))) {
            throw OAuthError.noRedirect("the sign-in form was not sent from this browser");
          }
          Optional<Consent> consent =
              oauth.authorizations().signIn(pending, ctx.formParam("token"));
          if (consent.isEmpty()) {
            ConsentPages.signIn(ctx, pending, csrf, "That is not an active owner's API token.");
            return;
          }
          cookie(ctx, SESSION_COOKIE, consent.get().session(), oauth.config().consentLifetime());
          ConsentPages.consent(ctx, consent.get());
        });
  }

  void decide(Context ctx) {
    handle(
        ctx,
        ctx::formParam,
        true,
        () -> {
          PendingAuthorization pending = oauth.authorizations().check(request(ctx::formParam));
          String session = ctx.cookie(SESSION_COOKIE);
          String csrf = ctx.formParam("csrf");
          cookie(ctx, SESSION_COOKIE, "", Duration.ZERO);
          if (!"approve".equals(ctx.formParam("decision"))) {
            oauth.authorizations().deny(session, csrf);
            throw OAuthError.accessDenied("the owner refused");
          }
          GrantScope granted = narrowed(ctx, pending.requested());
          Duration lifetime = Duration.ofSeconds(seconds(ctx.formParam("lifetime")));
          String code = oauth.authorizations().approve(pending, session, csrf, granted, lifetime);
          redirect(ctx, pending, "code=" + encode(code), true);
        });
  }

  /** What the owner left ticked; never more than was asked ({@code approve} checks). */
  private static GrantScope narrowed(Context ctx, GrantScope asked) {
    List<String> servers =
        asked.servers().isEmpty() && ctx.formParam("all_servers") != null
            ? List.of()
            : ctx.formParams("servers");
    List<String> types =
        asked.eventTypes().isEmpty() && ctx.formParam("all_event_types") != null
            ? List.of()
            : ctx.formParams("event_types");
    if ((servers.isEmpty() && ctx.formParam("all_servers") == null)
        || (types.isEmpty() && ctx.formParam("all_event_types") == null)) {
      throw OAuthError.accessDenied("the owner left no server or no event type ticked");
    }
    return new GrantScope(
        servers, types, asked.maySendCommands() && ctx.formParam("commands") != null);
  }

  private static long seconds(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw OAuthError.accessDenied("choose how long the grant lasts");
    }
  }

  private interface Step {
    void run();
  }

  private void handle(Context ctx, Function<String, String> params, boolean post, Step step) {
    try {
      step.run();
    } catch (OAuthError e) {
      if (!e.redirectable()) {
        Pages.error(ctx, 400, e.getMessage());
        return;
      }
      PendingAuthorization pending;
      try {
        // Only a checked client and redirect URI may receive the error.
        pending = oauth.authorizations().checkRedirect(request(params));
      } catch (OAuthError unsafe) {
        Pages.error(ctx, 400, unsafe.getMessage());
        return;
      }
      redirect(
          ctx, pending, "error=" + e.code() + "&error_description=" + encode(e.getMessage()), post);
    }
  }

  private void redirect(Context ctx, PendingAuthorization pending, String query, boolean post) {
    AuthorizationRequest request = pending.request();
    StringBuilder to = new StringBuilder(request.redirectUri());
    to.append(request.redirectUri().contains("?") ? '&' : '?').append(query);
    if (request.state() != null) {
      to.append("&state=").append(encode(request.state()));
    }
    to.append("&iss=").append(encode(oauth.issuer())); // RFC 9207: which server answered
    Pages.secure(ctx);
    ctx.redirect(to.toString(), post ? HttpStatus.SEE_OTHER : HttpStatus.FOUND);
  }

  private static AuthorizationRequest request(Function<String, String> params) {
    return new AuthorizationRequest(
        params.apply("client_id"),
        params.apply("redirect_uri"),
        params.apply("response_type"),
        params.apply("scope"),
        params.apply("state"),
        params.apply("code_challenge"),
        params.apply("code_challenge_method"));
  }

  private void cookie(Context ctx, String name, String value, Duration maxAge) {
    boolean https = oauth.issuer().startsWith("https:");
    ctx.res()
        .addHeader(
            "Set-Cookie",
            name
                + "="
                + value
                + "; Path=/oauth/authorize; Max-Age="
                + maxAge.toSeconds()
                + "; HttpOnly; SameSite=Strict"
                + (https ? "; Secure" : ""));
  }

  private static String random() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
