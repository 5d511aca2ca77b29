package dev.gamingapi.sdk.rest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free loopback port standing in for the REST API: it answers each request
 * with the next scripted answer and keeps the requests for the test to look at.
 */
public final class ScriptedApi implements AutoCloseable {
  private final HttpServer server;
  private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  /** What the server answers to a request. */
  private record Answer(int status, String contentType, String body) {}

  /**
   * A request as the server saw it.
   *
   * @param method the HTTP method
   * @param uri the path and query
   * @param authorization the Authorization header
   * @param contentType the Content-Type header, or null
   * @param body the body as UTF-8, empty when none
   */
  public record Received(
      String method, String uri, String authorization, String contentType, String body) {}

  /** A started server. */
  public ScriptedApi() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          byte[] in = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  new String(in, StandardCharsets.UTF_8)));
          Answer answer = answers.poll();
          if (answer == null) {
            hang(); // nothing scripted: take the request and never answer
            return;
          }
          byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", answer.contentType());
          exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
          exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  /** Its base URL, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers the next request with {@code status} and the JSON {@code json} (empty: no body). */
  public void answer(int status, String json) {
    answer(status, "application/json", json);
  }

  /** Answers the next request with {@code status} and {@code body} of {@code contentType}. */
  public void answer(int status, String contentType, String body) {
    answers.add(new Answer(status, contentType, body));
  }

  /** Answers the next request with an RFC 9457 problem like the platform's. */
  public void problem(int status, String type, String detail) {
    answer(
        status,
        "application/problem+json",
        "{\"type\":\"https://gamingapi.dev/problems/%s\",\"title\":\"t\",\"status\":%d,\"detail\":\"%s\"}"
            .formatted(type, status, detail));
  }

  /** The next request received. */
  public Received take() throws InterruptedException {
    Received request = received.poll(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no request arrived");
    }
    return request;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void hang() {
    try {
      TimeUnit.SECONDS.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
