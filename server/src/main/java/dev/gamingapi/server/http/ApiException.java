package dev.gamingapi.server.http;

/** A request refused at the HTTP edge, with the problem to answer. */
final class ApiException extends RuntimeException {
  private final transient Problem.FieldError field;
  private final int status;
  private final String slug;
  private final String title;

  private ApiException(
      int status, String slug, String title, String detail, Problem.FieldError field) {
    super(detail, null, false, false);
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.field = field;
  }

  static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Unauthorized", detail, null);
  }

  static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", detail, null);
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail, null);
  }

  static ApiException invalid(String field, String message) {
    return new ApiException(
        400,
        "invalid-request",
        "Invalid request",
        field + " " + message,
        new Problem.FieldError(field, message));
  }

  static ApiException notAcceptable(String detail) {
    return new ApiException(406, "not-acceptable", "Not acceptable", detail, null);
  }

  static ApiException rateLimited(String detail) {
    return new ApiException(429, "rate-limited", "Too many requests", detail, null);
  }

  static ApiException payloadTooLarge(String detail) {
    return new ApiException(413, "payload-too-large", "Payload too large", detail, null);
  }

  static ApiException unsupportedMediaType(String detail) {
    return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail, null);
  }

  Problem problem(String instance) {
    if (field != null) {
      return Problem.invalid(field.field(), field.message(), instance);
    }
    return Problem.of(status, slug, title, getMessage(), instance);
  }

  int status() {
    return status;
  }
}
