package dev.gamingapi.sdk.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.ApiUnreachableException;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.InvalidRequestException;
import dev.gamingapi.sdk.NotPermittedException;
import dev.gamingapi.sdk.ResourceNotFoundException;
import dev.gamingapi.sdk.rest.internal.Answers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A client of the platform's REST API ({@code /api/v1}): sends requests with a bearer token and
 * answers their JSON. Request bodies are records, maps or JSON trees, written with the contract's
 * mapping ({@link ContractJson}: snake_case names, RFC 3339 times, null fields left out), so a
 * record {@code (String name, Integer ratePerMinute)} becomes {@code {"name": ...,
 * "rate_per_minute": ...}}.
 *
 * <p>A refusal (an RFC 9457 problem) is thrown as an {@link ApiProblemException} carrying the
 * problem's detail: {@link InvalidRequestException} (400, 409, 413), {@link NotPermittedException}
 * (401, 403), {@link ResourceNotFoundException} (404), else the base class. An API that does not
 * answer is an {@link ApiUnreachableException}.
 *
 * <pre>{@code
 * try (RestClient api = RestClient.builder().url("https://api.example.com").token(token).build()) {
 *   api.post("/accounts", Map.of("name", "acme", "plan", "standard"));
 *   JsonNode usage = api.get(RestClient.path("accounts", "acme", "usage"));
 * }
 * }</pre>
 *
 * <p>Paths are relative to {@code /api/v1}; build them with {@link #path} and {@link #query} so
 * that names are percent-encoded. Thread-safe; one instance per platform and token is enough.
 */
public final class RestClient implements AutoCloseable {
  /** The largest page the API serves. */
  public static final int MAX_PAGE = 200;

  private static final ObjectMapper JSON = ContractJson.mapper();

  private final String baseUrl;
  private final String token;
  private final Duration requestTimeout;
  private final HttpClient http;

  private RestClient(Builder builder) {
    this.baseUrl = builder.url;
    this.token = builder.token;
    this.requestTimeout = builder.requestTimeout;
    // HTTP/1.1: the API speaks it, and the default HTTP/2 would try an h2c upgrade first.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(builder.connectTimeout)
            .build();
  }

  /** A builder; {@code url} and {@code token} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A path under {@code /api/v1} from segments, each percent-encoded: {@code /accounts/acme}. */
  public static String path(String... segments) {
    return Arrays.stream(segments)
        .map(segment -> "/" + encode(segment).replace("+", "%20"))
        .collect(Collectors.joining());
  }

  /** A query parameter value, percent-encoded. */
  public static String query(String value) {
    return encode(value);
  }

  /** The API's base URL, without {@code /api/v1}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code GET path}: the answer's JSON. */
  public JsonNode get(String path) {
    return send("GET", path, null).body();
  }

  /**
   * {@code POST path}: the answer's JSON.
   *
   * @param body a record, map or JSON tree; null for none
   */
  public JsonNode post(String path, Object body) {
    return send("POST", path, body).body();
  }

  /** {@code PUT path} with {@code body} (see {@link #post}): the answer's JSON. */
  public JsonNode put(String path, Object body) {
    return send("PUT", path, body).body();
  }

  /** {@code PATCH path} with {@code body} (see {@link #post}): the answer's JSON. */
  public JsonNode patch(String path, Object body) {
    return send("PATCH", path, body).body();
  }

  /** {@code DELETE path}: the answer's JSON, or null when it had none (204). */
  public JsonNode delete(String path) {
    return send("DELETE", path, null).body();
  }

  /**
   * Sends a request and answers its status and JSON.
   *
   * @param method the HTTP method
   * @param path the path under {@code /api/v1}, with its query if any
   * @param body a record, map or JSON tree written as the request's JSON; null for none
   * @throws ApiProblemException (or a subclass) when the API refused the request
   * @throws ApiUnreachableException when it did not answer
   * @throws GamingApiException when it answered something that is not JSON
   */
  public RestResponse send(String method, String path, Object body) {
    URI uri = URI.create(baseUrl + "/api/v1" + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ApiUnreachableException(
          "the GamingAPI REST API at " + baseUrl + " did not answer in time (" + uri + ")",
          true,
          e);
    } catch (IOException e) {
      throw new ApiUnreachableException(
          "cannot reach the GamingAPI REST API at " + baseUrl + " (" + reason(e) + ")", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GamingApiException("interrupted while calling " + uri, e);
    }
    return Answers.read(response, JSON);
  }

  /**
   * Opens the stream of server-sent events at {@code path}: its body, read as it comes and closed
   * by the caller. No request timeout applies, as a stream is meant to stay open.
   *
   * @throws ApiProblemException (or a subclass) when the API refused the stream
   * @throws ApiUnreachableException when it did not answer
   */
  public InputStream events(String path) {
    URI uri = URI.create(baseUrl + "/api/v1" + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() == 200) {
        return response.body();
      }
      try (InputStream refusal = response.body()) {
        String text = new String(refusal.readAllBytes(), StandardCharsets.UTF_8);
        throw Answers.refusal(response.statusCode(), text, uri, JSON);
      }
    } catch (IOException e) {
      throw new ApiUnreachableException(
          "cannot reach the GamingAPI REST API at " + baseUrl + " (" + reason(e) + ")", false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GamingApiException("interrupted while calling " + uri, e);
    }
  }

  /**
   * Every item of a paged list, following {@code next_cursor}: {@code {"items": [...],
   * "next_cursor": ...}} like one page, where {@code next_cursor} is null unless {@code limit}
   * stopped the walk early.
   *
   * @param path the list's path, which may carry filters ({@code ?status=...})
   * @param limit at most this many items; {@link Integer#MAX_VALUE} for all
   * @param pageSize items asked for per request, 1 to {@link #MAX_PAGE}
   */
  public ObjectNode list(String path, int limit, int pageSize) {
    ObjectNode all = JSON.createObjectNode();
    ArrayNode items = all.putArray("items");
    String cursor = null;
    do {
      int size = Math.min(pageSize, limit - items.size());
      String query =
          (path.contains("?") ? "&" : "?")
              + "limit="
              + size
              + (cursor == null ? "" : "&cursor=" + query(cursor));
      JsonNode page = get(path + query);
      page.path("items").forEach(items::add);
      JsonNode next = page.path("next_cursor");
      cursor = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
    } while (cursor != null && items.size() < limit);
    all.put("next_cursor", cursor);
    return all;
  }

  @Override
  public void close() {
    http.close();
  }

  private static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON: " + e, e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8);
  }

  /** The innermost cause's message: "Connection refused" rather than a wrapper's. */
  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  /** Settings of a {@link RestClient}. */
  public static final class Builder {
    private String url;
    private String token;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * The API's base URL, e.g. {@code https://api.example.com}; a trailing slash or {@code /api/v1}
     * is dropped.
     */
    public Builder url(String value) {
      String base = Objects.requireNonNull(value).strip();
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      if (base.endsWith("/api/v1")) {
        base = base.substring(0, base.length() - "/api/v1".length());
      }
      this.url = base;
      return this;
    }

    /** The bearer token: the operator's, an owner's or an app user's. */
    public Builder token(String value) {
      this.token = Objects.requireNonNull(value);
      return this;
    }

    /** How long to wait for a connection (default 5 s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value);
      return this;
    }

    /** How long to wait for each answer (default 30 s). */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = positive(value);
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException when the url or token is missing
     */
    public RestClient build() {
      if (url == null || token == null) {
        throw new IllegalStateException("url and token are required");
      }
      return new RestClient(this);
    }

    private static Duration positive(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("a timeout must be positive, got " + value);
      }
      return value;
    }
  }
}
