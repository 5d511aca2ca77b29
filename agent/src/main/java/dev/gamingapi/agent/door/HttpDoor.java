package dev.gamingapi.agent.door;

import com.sun.net.httpserver.HttpExchange;
import dev.gamingapi.agent.config.InputConfig;
import dev.gamingapi.agent.input.Input;
import dev.gamingapi.agent.input.LocalHttpServer;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.sdk.GameServerClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A local HTTP door for scripts and plugins of a game server: {@code POST /events} with one JSON
 * event or JSON lines (see {@link DoorEvents} for the shape). Answered {@code 202} with the ids
 * once every event is in the journal (so it survives a crash of the agent), {@code 200} when {@code
 * ?wait=ack} asked to wait for the broker, or a {@code problem+json} naming the field at fault. It
 * listens on loopback unless configured otherwise: it has no authentication of its own.
 */
public final class HttpDoor implements Input {
  private static final int MAX_BODY = 16 * 1024 * 1024;
  private final InputConfig.HttpDoor config;
  private final EventDoor door;
  private LocalHttpServer server;

  /** A door publishing through {@code client}, the server's own. */
  public HttpDoor(InputConfig.HttpDoor config, GameServerClient client, ServerCounters counters) {
    this.config = config;
    this.door = new EventDoor(client, counters);
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public synchronized void start() {
    server =
        LocalHttpServer.start(
            "door-" + name(),
            config.bind(),
            config.port(),
            "/",
            this::handle,
            4,
            Duration.ofSeconds(15));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      EventDoor.Answer answer;
      if (!exchange.getRequestURI().getPath().equals("/events")) {
        answer =
            EventDoor.Answer.problem(
                new DoorProblem(404, "not-found", "Not found", "POST /events", List.of()));
      } else if (!exchange.getRequestMethod().equals("POST")) {
        answer =
            EventDoor.Answer.problem(
                new DoorProblem(
                    405, "method-not-allowed", "Method not allowed", "POST /events", List.of()));
      } else {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
          body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
          answer =
              EventDoor.Answer.problem(
                  new DoorProblem(
                      413,
                      "body-too-large",
                      "Body too large",
                      "at most 16 MiB per request",
                      List.of()));
        } else {
          String query = exchange.getRequestURI().getQuery();
          boolean ack = query != null && query.contains("wait=ack");
          answer = door.submit(new String(body, StandardCharsets.UTF_8), ack);
        }
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
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
