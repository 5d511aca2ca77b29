package dev.gamingapi.testkit.openapi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request and the response it got, as {@link OpenApiContract} checks them.
 *
 * @param method the HTTP method, e.g. {@code GET} (any case)
 * @param path the raw (still percent-encoded) path with its query string, e.g. {@code
 *     /api/v1/accounts?limit=10}
 * @param requestContentType the request's {@code Content-Type}, or null when it sent no body
 * @param requestBody the request body, or null when there was none
 * @param status the response status
 * @param responseContentType the response's {@code Content-Type}, or null when it had none
 * @param responseHeaders the response headers (first value of each); names are matched ignoring
 *     case
 * @param responseBody the response body, or null (or empty) when there was none
 */
public record Exchange(
    String method,
    String path,
    String requestContentType,
    String requestBody,
    int status,
    String responseContentType,
    Map<String, String> responseHeaders,
    String responseBody) {

  /** Normalizes the method to upper case and the headers to a case-insensitive copy. */
  public Exchange {
    if (method == null || path == null) {
      throw new IllegalArgumentException("an exchange needs a method and a path");
    }
    method = method.toUpperCase(Locale.ROOT);
    TreeMap<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (responseHeaders != null) {
      headers.putAll(responseHeaders);
    }
    responseHeaders = Collections.unmodifiableMap(headers);
  }

  /**
   * The exchange of a {@link java.net.http.HttpClient} call. {@code requestBody} is passed
   * separately because an {@link HttpRequest} does not expose the body it sends.
   */
  public static Exchange of(
      HttpRequest request, String requestBody, HttpResponse<String> response) {
    URI uri = request.uri();
    String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> headers.put(name, values.getFirst()));
    return new Exchange(
        request.method(),
        path,
        request.headers().firstValue("Content-Type").orElse(null),
        requestBody,
        response.statusCode(),
        headers.get("Content-Type"),
        headers,
        response.body());
  }

  /** A short name for messages, e.g. {@code POST /api/v1/accounts -> 201}. */
  String label() {
    return method + " " + path + " -> " + status;
  }
}
