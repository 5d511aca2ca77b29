package dev.gamingapi.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem response body.
 *
 * @param type a URI naming the kind of problem
 * @param title the kind in words
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param errors for 400: the fields at fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {
  static final String CONTENT_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://gamingapi.dev/problems/";

  /**
   * One field at fault.
   *
   * @param field its name as in the request
   * @param message what is wrong with it
   */
  record FieldError(String field, String message) {}

  static Problem of(int status, String slug, String title, String detail, String instance) {
    return new Problem(TYPE_BASE + slug, title, status, detail, instance, null);
  }

  static Problem invalid(String field, String message, String instance) {
    return new Problem(
        TYPE_BASE + "invalid-request",
        "Invalid request",
        400,
        field + " " + message,
        instance,
        List.of(new FieldError(field, message)));
  }
}
