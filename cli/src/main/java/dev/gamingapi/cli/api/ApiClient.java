package dev.gamingapi.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A small client of the REST API ({@code /api/v1}): sends JSON with the bearer token, answers the
 * response's JSON, and turns a problem response into an {@link ApiException} carrying its detail
 * and a transport failure into an {@link ApiUnreachableException}.
 */
public final class ApiClient implements AutoCloseable {
  /** The largest page the API serves. */
  public static final int MAX_PAGE = 200;

  private static final ObjectMapper JSON = new ObjectMapper();
  // Deleting an account drops its streams on the broker, which can take a few seconds.
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final String baseUrl;
  private final String token;
  private final String tokenSource;

  /**
   * @param baseUrl the server's URL without {@code /api/v1}, e.g. {@code http://127.0.0.1:8080}
   * @param token the bearer token
   * @param tokenSource where the token came from, named when the API refuses it
   */
  public ApiClient(String baseUrl, String token, String tokenSource) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.tokenSource = tokenSource;
    // HTTP/1.1: the API speaks it, and the default HTTP/2 would try an h2c upgrade first.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A path under {@code /api/v1} from segments, each percent-encoded. */
  public static String path(String... segments) {
    return Arrays.stream(segments)
        .map(s -> "/" + URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining());
  }

  /** A query parameter value, percent-encoded. */
  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A new JSON object, for request bodies. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** {@code GET path}: the response's JSON. */
  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  /**
   * Sends a request and answers the response's JSON, or null for an empty answer (204).
   *
   * @param body the JSON body, or null for none
   */
  public JsonNode send(String method, String path, JsonNode body) {
    URI uri = URI.create(baseUrl + "/api/v1" + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ApiUnreachableException(
          "the GamingAPI REST API at " + baseUrl + " did not answer in time (" + uri + ")", e);
    } catch (IOException e) {
      throw new ApiUnreachableException(
          "cannot reach the GamingAPI REST API at "
              + baseUrl
              + " ("
              + reason(e)
              + "); is it running? Start it with ./gamingapi up, or give --url",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiUnreachableException("interrupted while calling " + uri, e);
    }
    return answer(response);
  }

  /**
   * Every item of a paged list, following {@code next_cursor}: {@code {"items": [...],
   * "next_cursor": ...}} like one page, where {@code next_cursor} is null unless {@code limit}
   * stopped the walk early.
   *
   * @param limit at most this many items, or null for all
   * @param pageSize items asked for per request, 1 to {@link #MAX_PAGE}
   */
  public ObjectNode list(String path, Integer limit, int pageSize) {
    ObjectNode all = JSON.createObjectNode();
    ArrayNode items = all.putArray("items");
    String cursor = null;
    do {
      int size = limit == null ? pageSize : Math.min(pageSize, limit - items.size());
      String query =
          (path.contains("?") ? "&" : "?") // the path may carry filters
              + "limit="
              + size
              + (cursor == null ? "" : "&cursor=" + query(cursor));
      JsonNode page = get(path + query);
      page.path("items").forEach(items::add);
      JsonNode next = page.path("next_cursor");
      cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
    } while (cursor != null && (limit == null || items.size() < limit));
    all.put("next_cursor", cursor);
    return all;
  }

  /** The base URL requests go to. */
  String baseUrl() {
    return baseUrl;
  }

  /** Where the token came from. */
  String tokenSource() {
    return tokenSource;
  }

  private JsonNode answer(HttpResponse<String> response) {
    String body = response.body();
    int status = response.statusCode();
    JsonNode json = null;
    if (body != null && !body.isBlank()) {
      try {
        json = JSON.readTree(body);
      } catch (JsonProcessingException notJson) {
        // handled below: an answer that is not JSON is not from the GamingAPI
      }
    }
    if (status >= 400) {
      String detail = json == null ? "" : json.path("detail").asText("");
      if (detail.isEmpty()) {
        detail = "HTTP " + status + " from " + response.uri() + " (is this a GamingAPI server?)";
      }
      if (status == 401) {
        detail += " (token from " + tokenSource + ")";
      }
      throw new ApiException(status, detail);
    }
    if (json == null && status != 204) {
      throw new ApiException(
          status, "the answer of " + response.uri() + " is not JSON (is this a GamingAPI server?)");
    }
    return json;
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  @Override
  public void close() {
    http.close();
  }
}
