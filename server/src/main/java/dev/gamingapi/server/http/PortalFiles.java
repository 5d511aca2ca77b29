package dev.gamingapi.server.http;

import io.javalin.config.StaticFilesConfig;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The developer portal (docs/portal.md): static files from the classpath folder {@code /portal},
 * served at {@code /}. The portal keeps an API token in the page, so its headers forbid every
 * script, style or connection from anywhere but this server, and framing by other sites.
 */
final class PortalFiles {
  private static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
          + " form-action 'self'";

  private PortalFiles() {}

  static void serve(StaticFilesConfig files) {
    files.add(
        portal -> {
          portal.hostedPath = "/";
          portal.directory = "/portal";
          portal.location = Location.CLASSPATH;
          portal.headers =
              Map.of(
                  "Content-Security-Policy", POLICY,
                  "X-Content-Type-Options", "nosniff",
                  "Referrer-Policy", "no-referrer",
                  // Small files that change with each release: always revalidate.
                  "Cache-Control", "no-cache");
        });
  }
}
