package dev.gamingapi.agent.outlet.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gamingapi.agent.outlet.OutletException;
import dev.gamingapi.contract.ContractJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side of {@link HttpPollOutlet}, on loopback only (any local process may fetch commands,
 * nothing else on the network can):
 *
 * <ul>
 *   <li>{@code GET /commands/next?wait=30s} answers 200 with the next command as JSON ({@code id,
 *       name, args, delivery, not_before, expires_at}) as soon as there is one, or 204 after the
 *       wait ({@code 500ms}, {@code 30s} or seconds; default 30 s, at most 60 s);
 *   <li>{@code POST /commands/{id}/result} with {@code {"ok": true, "output": {...}}} or {@code
 *       {"ok": false, "error": "..."}} answers 204; 404 when that command waits for no result (it
 *       finished, timed out, or was never fetched), 400 for a body of another shape.
 * </ul>
 */
final class PollServer {
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
  private static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final int MAX_RESULT_BYTES = 1024 * 1024;
  private static final Pattern WAIT = Pattern.compile("(\\d{1,9})(ms|s)?");
  private static final Pattern RESULT = Pattern.compile("/commands/([^/]+)/result");

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpPollOutlet outlet;

  private PollServer(HttpServer server, ExecutorService executor, HttpPollOutlet outlet) {
    this.server = server;
    this.executor = executor;
    this.outlet = outlet;
  }

  static PollServer start(int port, HttpPollOutlet outlet) {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new OutletException("cannot serve commands on 127.0.0.1:" + port + ": " + e, e);
    }
    // Long polls hold a thread each while they wait: virtual threads make that cheap.
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    PollServer poll = new PollServer(server, executor, outlet);
    server.createContext("/commands/", poll::handle);
    server.setExecutor(executor);
    server.start();
    return poll;
  }

  int port() {
    return server.getAddress().getPort();
  }

  void stop() {
    server.stop(0);
    executor.shutdownNow(); // ends the long polls still waiting
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Matcher result = RESULT.matcher(path);
      if (path.equals("/commands/next") && method.equals("GET")) {
        next(exchange);
      } else if (result.matches() && method.equals("POST")) {
        result(exchange, result.group(1));
      } else if (path.equals("/commands/next") || result.matches()) {
        send(exchange, 405, error("use GET /commands/next or POST /commands/{id}/result"));
      } else {
        send(exchange, 404, error("no such route: " + path));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the outlet is closing
    }
  }

  private void next(HttpExchange exchange) throws IOException, InterruptedException {
    Duration wait = wait(exchange.getRequestURI());
    if (wait == null) {
      send(exchange, 400, error("wait must look like 500ms, 30s or 30 (seconds)"));
      return;
    }
    HttpPollOutlet.Pending pending = outlet.next(wait);
    if (pending == null) {
      send(exchange, 204, null);
      return;
    }
    try {
      send(exchange, 200, pending.document().toJson());
    } catch (IOException e) {
      outlet.putBack(pending); // the poller left: the next one gets it
      throw e;
    }
  }

  private void result(HttpExchange exchange, String id) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_RESULT_BYTES + 1);
    }
    if (body.length > MAX_RESULT_BYTES) {
      send(exchange, 413, error("a result takes at most " + MAX_RESULT_BYTES + " bytes"));
      return;
    }
    JsonNode json;
    try {
      json = ContractJson.mapper().readTree(body);
    } catch (IOException e) {
      json = null;
    }
    if (json == null || !json.path("ok").isBoolean()) {
      send(
          exchange,
          400,
          error(
              "the body must be {\"ok\": true, \"output\": ...} or {\"ok\":"
                  + " false, \"error\": \"...\"}"));
      return;
    }
    JsonNode output = json.get("output");
    boolean done =
        outlet.complete(
            id,
            json.get("ok").asBoolean(),
            output == null || output.isNull() ? null : output,
            json.path("error").asText(null));
    if (done) {
      send(exchange, 204, null);
    } else {
      send(
          exchange,
          404,
          error(
              "command "
                  + id
                  + " waits for no result (it finished, timed out"
                  + " or was never fetched)"));
    }
  }

  private static Duration wait(URI uri) {
    String query = uri.getRawQuery();
    if (query == null) {
      return DEFAULT_WAIT;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("wait=")) {
        Matcher matcher = WAIT.matcher(pair.substring(5));
        if (!matcher.matches()) {
          return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration wait =
            "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
      }
    }
    return DEFAULT_WAIT;
  }

  private static byte[] error(String message) {
    try {
      return ContractJson.mapper().writeValueAsBytes(Map.of("error", message));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
