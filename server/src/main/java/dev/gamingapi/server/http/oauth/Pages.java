package dev.gamingapi.server.http.oauth;

import io.javalin.http.Context;

/**
 * What every page of the authorization endpoint sends: it may not be framed (clickjacking a consent
 * button), cached or leak its URL (code, state) in a Referer.
 */
final class Pages {
  private Pages() {}

  static void secure(Context ctx) {
    ctx.header("X-Frame-Options", "DENY")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff");
  }

  static void html(Context ctx, int status, String title, String body) {
    secure(ctx);
    ctx.status(status)
        .contentType("text/html; charset=utf-8")
        .result(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(title)
                + "</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto}"
                + "fieldset{margin:1em 0}</style></head><body><h1>"
                + escape(title)
                + "</h1>"
                + body
                + "</body></html>");
  }

  static void error(Context ctx, int status, String message) {
    html(ctx, status, "Authorization failed", "<p>" + escape(message) + "</p>");
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String hidden(String name, String value) {
    return value == null
        ? ""
        : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
  }
}
