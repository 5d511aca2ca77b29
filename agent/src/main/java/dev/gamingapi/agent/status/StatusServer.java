package dev.gamingapi.agent.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The agent's local status endpoint: {@code GET /status} as JSON and {@code GET /metrics} in the
 * Prometheus text format, per game server. The text format is written by hand: a metrics library
 * would outweigh the rest of the agent.
 */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;
  private final List<ServerCounters> servers;
  private final ToLongFunction<String> pending;

  private StatusServer(
      HttpServer server, List<ServerCounters> servers, ToLongFunction<String> pending) {
    this.server = server;
    this.servers = List.copyOf(servers);
    this.pending = pending;
  }

  /**
   * Starts serving on {@code bind:port} (port 0: any free one).
   *
   * @param pending events not yet acknowledged by the broker, by server id
   */
  public static StatusServer start(
      String bind, int port, List<ServerCounters> servers, ToLongFunction<String> pending) {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(bind, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for status on " + bind + ":" + port, e);
    }
    StatusServer status = new StatusServer(http, servers, pending);
    http.createContext(
        "/status", exchange -> status.reply(exchange, "application/json", status.json()));
    http.createContext(
        "/metrics",
        exchange ->
            status.reply(exchange, "text/plain; version=0.0.4; charset=utf-8", status.metrics()));
    http.start();
    return status;
  }

  private void reply(HttpExchange exchange, String contentType, String body) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  String json() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode byServer = root.putObject("servers");
    for (ServerCounters counters : servers) {
      ObjectNode server = byServer.putObject(counters.serverId());
      for (Counter counter : Counter.values()) {
        server.put(counter.wireName(), counters.get(counter));
      }
      server.put("pending", pending.applyAsLong(counters.serverId()));
      ObjectNode notes = server.putObject("inputs");
      counters.notes().forEach(notes::put);
    }
    return root.toPrettyString();
  }

  String metrics() {
    StringBuilder text = new StringBuilder();
    for (Counter counter : Counter.values()) {
      String name = "gamingapi_agent_" + counter.wireName() + "_total";
      text.append("# HELP ").append(name).append(' ').append(counter.help()).append('\n');
      text.append("# TYPE ").append(name).append(" counter\n");
      for (ServerCounters counters : servers) {
        sample(text, name, counters.serverId(), counters.get(counter));
      }
    }
    String pendingName = "gamingapi_agent_pending_events";
    text.append("# HELP ").append(pendingName).append(" Events journaled, not yet acknowledged.\n");
    text.append("# TYPE ").append(pendingName).append(" gauge\n");
    for (ServerCounters counters : servers) {
      sample(text, pendingName, counters.serverId(), pending.applyAsLong(counters.serverId()));
    }
    return text.toString();
  }

  // Server ids are [A-Za-z0-9_-]: nothing to escape in the label value.
  private static void sample(StringBuilder text, String name, String serverId, long value) {
    text.append(name)
        .append("{server=\"")
        .append(serverId)
        .append("\"} ")
        .append(value)
        .append('\n');
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
