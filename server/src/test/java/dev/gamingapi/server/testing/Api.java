package dev.gamingapi.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.testkit.openapi.Exchange;
import dev.gamingapi.testkit.openapi.OpenApiContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A REST client for tests that checks every exchange against the OpenAPI document: a response the
 * document does not describe fails the test that got it.
 */
public final class Api {
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final String token;

  public Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The same server with another token (null: none). */
  public Api as(String otherToken) {
    return new Api(baseUrl, otherToken);
  }

  /** A response: status, headers and body (JSON when it is JSON). */
  public record Response(int status, HttpResponse<String> raw, JsonNode json) {
    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Response get(String path) {
    return send("GET", path, null, "application/json");
  }

  public Response delete(String path) {
    return send("DELETE", path, null, "application/json");
  }

  public Response post(String path, String body) {
    return send("POST", path, body, "application/json");
  }

  public Response patch(String path, String body) {
    return send("PATCH", path, body, "application/json");
  }

  /**
   * Sends without checking against the document: for requests that are wrong on purpose at the HTTP
   * level.
   */
  public Response sendUnchecked(String method, String path, String body, String contentType) {
    return exchange(method, path, body, contentType, false);
  }

  public Response send(String method, String path, String body, String contentType) {
    return exchange(method, path, body, contentType, true);
  }

  private Response exchange(
      String method, String path, String body, String contentType, boolean check) {
    // A deadline, not a wait: defining a board on a two-instance cluster took over 30 s on a loaded
    // 2-core machine (InstanceFailoverTest), while it answers in milliseconds otherwise.
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (check) {
        CONTRACT.assertValid(Exchange.of(request, body, response));
      }
      String text = response.body();
      JsonNode json =
          text == null || text.isEmpty() || !text.startsWith("{") ? null : JSON.readTree(text);
      return new Response(response.statusCode(), response, json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
