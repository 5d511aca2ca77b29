package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST API refused a request with an RFC 9457 problem. Subclasses say what kind of refusal it
 * was; this class itself covers the rest (rate limits, the broker being unavailable, 5xx). The
 * message holds the problem's detail, which names the field or resource at fault.
 */
public class ApiProblemException extends GamingApiException {
  private final int status;
  private final String type;
  private final String detail;
  private final JsonNode errors;

  /**
   * A problem answered with HTTP {@code status}.
   *
   * @param status the HTTP status
   * @param type the problem type's last path segment, e.g. {@code invalid-request}
   * @param detail the problem's detail (or its title when it had none)
   * @param errors the fields at fault as the API listed them, or null
   */
  public ApiProblemException(int status, String type, String detail, JsonNode errors) {
    super("HTTP " + status + " " + type + ": " + detail);
    this.status = status;
    this.type = type;
    this.detail = detail;
    this.errors = errors;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The problem type's last path segment, e.g. {@code invalid-request} or {@code not-found}. */
  public String type() {
    return type;
  }

  /** The problem's detail: what was wrong, naming the field or resource. */
  public String detail() {
    return detail;
  }

  /** The fields at fault (400 only), as the API listed them; null when none were. */
  public JsonNode errors() {
    return errors;
  }
}
