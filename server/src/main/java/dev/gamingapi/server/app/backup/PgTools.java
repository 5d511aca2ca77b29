package dev.gamingapi.server.app.backup;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code pg_dump} and {@code pg_restore} against the database of a JDBC URL. The URL's host,
 * port and database go on the command line; user and password go in {@code PGUSER} and {@code
 * PGPASSWORD}, so that the password is not in the process list, and JDBC-only parameters are left
 * out (libpq refuses parameters it does not know).
 */
final class PgTools {
  private PgTools() {}

  static void run(String jdbcUrl, String tool, String... args) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    Map<String, String> params = new java.util.HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.add("--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()));
    command.add("--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()));
    command.add("--dbname=" + uri.getPath().replaceFirst("^/", ""));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (params.containsKey("user")) {
      builder.environment().put("PGUSER", params.get("user"));
    }
    if (params.containsKey("password")) {
      builder.environment().put("PGPASSWORD", params.get("password"));
    }
    if (params.containsKey("sslmode")) {
      builder.environment().put("PGSSLMODE", params.get("sslmode"));
    }
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = process.waitFor();
      if (code != 0) {
        String first = output.lines().findFirst().orElse("no output");
        throw new BackupException(tool + " failed (exit " + code + "): " + first);
      }
    } catch (IOException e) {
      throw new BackupException(
          "cannot run " + tool + " (install the PostgreSQL client tools): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException("interrupted while " + tool + " ran", e);
    }
  }
}
