package dev.gamingapi.server.http.oauth;

import static dev.gamingapi.server.http.oauth.Pages.escape;
import static dev.gamingapi.server.http.oauth.Pages.hidden;

import dev.gamingapi.server.oauth.AuthorizationRequest;
import dev.gamingapi.server.oauth.Consent;
import dev.gamingapi.server.oauth.GrantScope;
import dev.gamingapi.server.oauth.PendingAuthorization;
import io.javalin.http.Context;
import java.time.Duration;

/** The two pages an owner sees: sign in with its API token, then approve or refuse in words. */
final class ConsentPages {
  private ConsentPages() {}

  static void signIn(Context ctx, PendingAuthorization pending, String csrf, String message) {
    String body =
        "<p><strong>"
            + escape(pending.client().name())
            + "</strong> ("
            + escape(pending.client().homepage())
            + ") asks for access to a GamingAPI account. Sign in with an owner's API token of"
            + " the account to see what it asks and decide.</p>"
            + (message == null ? "" : "<p role=\"alert\">" + escape(message) + "</p>")
            + "<form method=\"post\" action=\"/oauth/authorize\">"
            + requestFields(pending.request())
            + hidden("csrf", csrf)
            + "<label>Owner API token <input type=\"password\" name=\"token\""
            + " autocomplete=\"off\" required></label> <button>Sign in</button></form>";
    Pages.html(ctx, message == null ? 200 : 401, "Authorize " + pending.client().name(), body);
  }

  static void consent(Context ctx, Consent consent) {
    GrantScope asked = consent.pending().requested();
    StringBuilder body = new StringBuilder();
    body.append("<p><strong>")
        .append(escape(consent.pending().client().name()))
        .append("</strong> asks to read the events of account <strong>")
        .append(escape(consent.account()))
        .append("</strong>, signed in as ")
        .append(escape(consent.owner().name()))
        .append(". Untick what it should not get.</p>")
        .append("<form method=\"post\" action=\"/oauth/authorize/decision\">")
        .append(requestFields(consent.pending().request()))
        .append(hidden("csrf", consent.csrf()));
    body.append("<fieldset><legend>Which servers</legend>");
    if (asked.servers().isEmpty()) {
      body.append(box("all_servers", "yes", "All servers, also those registered later"));
      body.append("<p>or only:</p>");
      consent.servers().forEach(server -> body.append(box("servers", server, null, false)));
    } else {
      asked.servers().forEach(server -> body.append(box("servers", server, server)));
    }
    body.append("</fieldset><fieldset><legend>Which event types</legend>");
    if (asked.eventTypes().isEmpty()) {
      body.append(box("all_event_types", "yes", "All event types"));
    } else {
      asked.eventTypes().forEach(type -> body.append(box("event_types", type, type)));
    }
    body.append("</fieldset><fieldset><legend>Commands</legend>");
    body.append(
        asked.maySendCommands()
            ? box("commands", "yes", "It may send commands to these servers")
            : "<p>It may not send commands.</p>");
    body.append("</fieldset><fieldset><legend>For how long</legend><select name=\"lifetime\">");
    for (Duration lifetime : consent.lifetimes()) {
      body.append("<option value=\"")
          .append(lifetime.toSeconds())
          .append("\">")
          .append(words(lifetime))
          .append("</option>");
    }
    body.append("</select></fieldset>")
        .append("<button name=\"decision\" value=\"approve\">Allow</button> ")
        .append("<button name=\"decision\" value=\"deny\">Refuse</button></form>")
        .append("<p>You can revoke it at any time; its access then ends within a second.</p>");
    Pages.html(ctx, 200, "Authorize " + consent.pending().client().name(), body.toString());
  }

  private static String box(String name, String value, String label) {
    return box(name, value, label, true);
  }

  private static String box(String name, String value, String label, boolean checked) {
    return "<label><input type=\"checkbox\" name=\""
        + name
        + "\" value=\""
        + escape(value)
        + "\""
        + (checked ? " checked" : "")
        + "> "
        + escape(label == null ? value : label)
        + "</label><br>";
  }

  static String words(Duration lifetime) {
    long hours = lifetime.toHours();
    if (hours < 24) {
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    long days = lifetime.toDays();
    return days == 1 ? "1 day" : days + " days";
  }

  private static String requestFields(AuthorizationRequest request) {
    return hidden("client_id", request.clientId())
        + hidden("redirect_uri", request.redirectUri())
        + hidden("response_type", request.responseType())
        + hidden("scope", request.scope())
        + hidden("state", request.state())
        + hidden("code_challenge", request.codeChallenge())
        + hidden("code_challenge_method", request.codeChallengeMethod());
  }
}
