package dev.gamingapi.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server standing in for Discord or a webhook receiver: it records every request it
 * receives and answers as told: 204 by default, or 500, 429 with {@code retry_after}, or no answer
 * at all (it hangs until the client gives up). Listens on 127.0.0.1, a free port.
 */
public final class RecordingEndpoint implements AutoCloseable {
  /**
   * One request as received.
   *
   * @param at when it arrived
   * @param method the HTTP method
   * @param path the path and query
   * @param headers the headers (names in lower case)
   * @param body the raw body
   * @param answer the status answered, or 0 when it hung
   */
  public record Request(
      Instant at,
      String method,
      String path,
      Map<String, List<String>> headers,
      byte[] body,
      int answer) {
    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase());
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether it was answered 2xx. */
    public boolean accepted() {
      return answer >= 200 && answer < 300;
    }
  }

  /**
   * How to answer.
   *
   * @param status the status; 0 hangs
   * @param retryAfter for 429: the seconds put in the {@code retry_after} field and header
   * @param body the body to answer
   */
  public record Answer(int status, double retryAfter, String body) {
    /** 204 No Content. */
    public static Answer ok() {
      return new Answer(204, 0, "");
    }

    /** {@code status} with a short body. */
    public static Answer status(int status) {
      return new Answer(status, 0, "{\"message\":\"status " + status + "\"}");
    }

    /** 429 asking to wait {@code seconds}, the way Discord does. */
    public static Answer rateLimited(double seconds) {
      return new Answer(
          429,
          seconds,
          "{\"message\":\"You are being rate limited.\",\"retry_after\":"
              + seconds
              + ",\"global\":false}");
    }

    /** No answer: the request hangs until the client times out or the endpoint closes. */
    public static Answer hang() {
      return new Answer(0, 0, "");
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Answer> once = new ConcurrentLinkedQueue<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Answer standing = Answer.ok();

  private RecordingEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Starts an endpoint on 127.0.0.1 and a free port. */
  public static RecordingEndpoint start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      RecordingEndpoint endpoint = new RecordingEndpoint(server);
      server.createContext("/", endpoint::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return endpoint;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a local HTTP endpoint", e);
    }
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers every request from now on with {@code answer}. */
  public void answerAll(Answer answer) {
    standing = answer;
  }

  /** Answers the next requests with {@code answers}, one each, before the standing answer. */
  public void answerNext(Answer... answers) {
    once.addAll(List.of(answers));
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests answered 2xx, in arrival order. */
  public List<Request> accepted() {
    List<Request> accepted = new ArrayList<>();
    for (Request request : requests) {
      if (request.accepted()) {
        accepted.add(request);
      }
    }
    return accepted;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Answer answer = once.poll();
      if (answer == null) {
        answer = standing;
      }
      Map<String, List<String>> headers = new java.util.TreeMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
      requests.add(
          new Request(
              Instant.now(),
              exchange.getRequestMethod(),
              exchange.getRequestURI().toString(),
              Map.copyOf(headers),
              body,
              answer.status()));
      if (answer.status() == 0) {
        try {
          closing.await(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return; // closing the exchange without an answer
      }
      if (answer.retryAfter() > 0) {
        exchange
            .getResponseHeaders()
            .add("Retry-After", Long.toString((long) Math.ceil(answer.retryAfter())));
      }
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        try (OutputStream stream = exchange.getResponseBody()) {
          stream.write(out);
        }
      }
    }
  }

  /** Stops listening; hanging requests are let go. */
  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
  }
}
