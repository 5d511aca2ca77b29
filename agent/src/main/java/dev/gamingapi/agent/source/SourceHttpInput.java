package dev.gamingapi.agent.source;

import com.sun.net.httpserver.HttpExchange;
import dev.gamingapi.agent.config.InputConfig;
import dev.gamingapi.agent.input.Input;
import dev.gamingapi.agent.input.LinePublisher;
import dev.gamingapi.agent.input.LocalHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives CS2's HTTP log posting ({@code logaddress_add_http "http://host:port/path"}): each POST
 * body holds one or more log lines. Answered 200 once every line is journaled, so CS2's retry of a
 * failed post is the only resend; 503 when the journal refuses, so that CS2 tries again.
 *
 * <p>The JDK's own HTTP server, not a framework: the agent ships to game-server hosts and stays
 * small. One thread handles the posts, in order, because the line mapper keeps state.
 */
public final class SourceHttpInput implements Input {
  private static final Logger LOG = LoggerFactory.getLogger(SourceHttpInput.class);
  private final InputConfig.SourceHttp config;
  private final LinePublisher publisher;
  private LocalHttpServer server;

  /** An input that hands the posted lines to {@code publisher}. */
  public SourceHttpInput(InputConfig.SourceHttp config, LinePublisher publisher) {
    this.config = config;
    this.publisher = publisher;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public synchronized void start() {
    // One thread: the lines of a match are published in the order the game server posted them.
    server =
        LocalHttpServer.start(
            "http-" + name(),
            config.bind(),
            config.port(),
            config.path(),
            this::handle,
            1,
            Duration.ofSeconds(10));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")
          || !exchange.getRequestURI().getPath().equals(config.path())) {
        exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 404 : 405, -1);
        return;
      }
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      try {
        body.lines().filter(line -> !line.isBlank()).forEach(line -> publisher.accept(line, null));
      } catch (RuntimeException e) {
        LOG.warn("{}: journal refused a posted line: {}", config.name(), e.toString());
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }
}
