package dev.gamingapi.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.common.PageRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Reading requests: the caller, JSON bodies, paging parameters. */
final class Requests {
  static final String CALLER = "gamingapi.caller";

  private Requests() {}

  static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      throw ApiException.unauthorized("a bearer token is required");
    }
    return caller;
  }

  static Actor actor(Context ctx) {
    return caller(ctx).actor(ctx.ip());
  }

  static PageRequest page(Context ctx) {
    return PageRequest.of(ctx.queryParam("limit"), ctx.queryParam("cursor"));
  }

  /**
   * The JSON body as {@code type}; refuses another content type, an empty or malformed body and
   * unknown fields, naming the problem.
   */
  static <T> T body(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
      throw ApiException.unsupportedMediaType(
          "the body must be application/json, got " + (contentType == null ? "none" : contentType));
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiException.invalid("body", "is required: a JSON object");
    }
    try {
      T value = ApiJson.MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.invalid(e.getPropertyName(), "is not a field of this request");
    } catch (MismatchedInputException e) {
      String field =
          e.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."));
      String problem;
      if (field.isEmpty()) {
        problem = "must be a JSON object";
      } else if (e.getTargetType() == Instant.class) {
        problem = "must be an RFC 3339 time like 2027-01-01T00:00:00Z";
      } else if (e.getTargetType() == List.class) {
        problem = "must be a JSON array of strings";
      } else {
        problem = "has the wrong type";
      }
      throw ApiException.invalid(field.isEmpty() ? "body" : field, problem);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.invalid("body", "cannot be read: " + e.getMessage());
    }
  }
}
