package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.server.common.InvalidRequestException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends one notification: a Discord embed or a signed JSON webhook, one HTTP request, no retry (the
 * caller retries). Redirects are not followed: a redirect could lead past the address check.
 */
final class Sender implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What one request came to.
   *
   * @param status the HTTP status, or 0 when there was no answer
   * @param retryAfter how long the endpoint asked to wait (429), or null
   * @param excerpt the start of the answer, or what went wrong
   */
  record Result(int status, Duration retryAfter, String excerpt) {
    boolean delivered() {
      return status >= 200 && status < 300;
    }

    /** An answer that a retry of the same request cannot change (e.g. 400, 404). */
    boolean permanent() {
      return status >= 400 && status < 500 && status != 408 && status != 429;
    }
  }

  private final HttpClient client;
  private final UrlGuard guard;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param clock stamps each webhook's signature, which receivers check against theirs
   */
  Sender(UrlGuard guard, Duration timeout, Clock clock) {
    this.guard = guard;
    this.timeout = timeout;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
  }

  Result send(Rule rule, NotifyEvent event) {
    URI uri;
    try {
      uri = guard.check("url", rule.url()); // again: the name may point elsewhere by now
    } catch (InvalidRequestException e) {
      return new Result(0, null, e.getMessage());
    }
    byte[] body = body(rule, event);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "GamingAPI-Notify/1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (rule.kind().equals(Rule.WEBHOOK)) {
      long now = clock.instant().getEpochSecond();
      request
          .header("GamingAPI-Event-Id", event.id())
          .header("GamingAPI-Event-Type", event.type())
          .header(Signature.TIMESTAMP, Long.toString(now))
          .header(Signature.HEADER, Signature.sign(rule.secret(), now, body));
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Result(response.statusCode(), retryAfter(response), response.body());
    } catch (HttpTimeoutException e) {
      return new Result(0, null, "no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return new Result(0, null, "cannot reach the endpoint: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(0, null, "interrupted");
    }
  }

  /** Ends the HTTP client's threads; a delivery still in flight fails and is retried later. */
  @Override
  public void close() {
    client.shutdownNow();
    try {
      client.awaitTermination(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The JSON a rule sends for {@code event}. */
  static byte[] body(Rule rule, NotifyEvent event) {
    ObjectNode body;
    if (rule.kind().equals(Rule.DISCORD)) {
      body = DiscordEmbed.of(rule, event);
    } else {
      body = JSON.createObjectNode();
      body.put("id", event.id());
      body.put("type", event.type());
      body.put("server", event.server());
      body.put("player", event.player());
      body.put("time", event.time().toString());
      body.put("rule", rule.id());
      body.put("text", Messages.text(rule, event));
      body.set("data", event.data());
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The wait a 429 asks for: Discord's {@code retry_after} (seconds, fractional) in the JSON body,
   * or the standard {@code Retry-After} header (seconds); the longer of both.
   */
  private static Duration retryAfter(HttpResponse<String> response) {
    if (response.statusCode() != 429) {
      return null;
    }
    Duration wait = Duration.ZERO;
    String header = response.headers().firstValue("Retry-After").orElse(null);
    if (header != null) {
      try {
        wait = Duration.ofMillis((long) (Double.parseDouble(header.strip()) * 1000));
      } catch (NumberFormatException e) {
        // an HTTP date: rare; the backoff applies instead
      }
    }
    try {
      JsonNode json = JSON.readTree(response.body());
      if (json != null && json.path("retry_after").isNumber()) {
        Duration fromBody = Duration.ofMillis((long) (json.get("retry_after").asDouble() * 1000));
        wait = fromBody.compareTo(wait) > 0 ? fromBody : wait;
      }
    } catch (IOException e) {
      // not JSON: the header (if any) stands
    }
    return wait;
  }
}
