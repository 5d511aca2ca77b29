package dev.gamingapi.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.gamingapi.server.accounts.Accounts;
import dev.gamingapi.server.audit.Actor;
import dev.gamingapi.server.common.PageRequest;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Reading requests: the caller, JSON bodies, paging parameters. */
final class Requests {
  /** The most of a refused body read before answering (see {@link #drain}). */
  private static final long DRAIN_LIMIT = 1024 * 1024;

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

  /**
   * Answers 404 when the operator names an account that does not exist. A user's own account needs
   * no read: its token was just accepted, and users and OAuth grants are deleted with their account
   * (foreign keys), so it exists. Call after the caller's access to {@code account} was checked.
   */
  static void requireExisting(Context ctx, Accounts accounts, String account) {
    if (caller(ctx).isOperator()) {
      accounts.get(account);
    }
  }

  static PageRequest page(Context ctx) {
    return PageRequest.of(ctx.queryParam("limit"), ctx.queryParam("cursor"));
  }

  /**
   * Refuses a request whose declared length is over {@code max} before anything reads it: a route
   * that never reads its body would otherwise take any size. A body without a declared length
   * (chunked) is cut off at {@code max} when it is read, by {@link #body} or {@link #noBody}.
   */
  static void limitBody(Context ctx, long max) {
    long length = ctx.contentLength();
    if (length > max) {
      drain(ctx, length);
      throw ApiException.payloadTooLarge("the body must be at most " + max + " bytes");
    }
  }

  /**
   * Reads and drops a refused body that is not too big to read: answering while the client still
   * sends makes the connection's close a reset, and the client then loses the 413 (Java's client
   * reported "header parser received no bytes"). A bigger one is left unread: its client may miss
   * the answer, but the platform reads no more than {@link #DRAIN_LIMIT} of anything it refuses.
   */
  private static void drain(Context ctx, long length) {
    if (length <= DRAIN_LIMIT) {
      drainRest(ctx);
    }
  }

  /**
   * Reads and drops what is left of a refused body, at most {@link #DRAIN_LIMIT} bytes: also for a
   * chunked body cut off at the limit while being read, whose length nobody knew beforehand.
   */
  static void drainRest(Context ctx) {
    try {
      // Not closed: the stream is Jetty's, which ends the exchange itself.
      InputStream rest = ctx.req().getInputStream();
      long left = DRAIN_LIMIT;
      byte[] buffer = new byte[8192];
      for (int read = 0; left > 0 && read >= 0; left -= Math.max(read, 0)) {
        read = rest.read(buffer, 0, (int) Math.min(buffer.length, left));
      }
    } catch (IOException | IllegalStateException gone) {
      // the client stopped sending, or the stream is no longer readable: nobody reads the answer
    }
  }

  /**
   * For a route that takes no body: nothing, or an empty JSON object (some clients always send
   * one), read like every body so that a field sent to such a route is named and refused rather
   * than silently ignored.
   */
  static void noBody(Context ctx) {
    if (declaresNoBody(ctx)) {
      return; // nothing to read: reading would still cost the request a buffer and a copy
    }
    if (ctx.bodyAsBytes().length > 0) {
      body(ctx, NoFields.class);
    }
  }

  /**
   * Whether an HTTP/1.x request says it has no body: a length of 0, or neither a length nor a
   * transfer coding (RFC 9112, section 6.3). Another protocol's request is read to be sure.
   */
  private static boolean declaresNoBody(Context ctx) {
    long length = ctx.contentLength();
    return length == 0
        || (length < 0
            && ctx.header("Transfer-Encoding") == null
            && ctx.protocol().startsWith("HTTP/1."));
  }

  /** The body of a route that takes none. */
  private record NoFields() {}

  /**
   * The JSON body as {@code type}; refuses another content type, an empty or malformed body, values
   * of another JSON type than the field's, unknown fields and anything after the object, naming the
   * problem.
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
    try (JsonParser parser = ApiJson.MAPPER.createParser(body)) {
      // Trailing data is checked below, so that it is named the same whether it parses or not.
      T value =
          ApiJson.MAPPER
              .readerFor(type)
              .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readValue(parser);
      if (value == null) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      requireEnd(parser);
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
      if (field.isEmpty()) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      throw ApiException.invalid(field, expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("body", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.invalid("body", "cannot be read: " + e.getMessage());
    }
  }

  /** Refuses anything but white space after the value, even what would not parse. */
  private static void requireEnd(JsonParser parser) {
    boolean more;
    try {
      more = parser.nextToken() != null;
    } catch (IOException e) {
      more = true;
    }
    if (more) {
      throw ApiException.invalid("body", "must be one JSON object, with nothing after it");
    }
  }

  /** What a field of {@code type} must be, in the words of the API's documents. */
  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    } else if (type == String.class) {
      return "must be a string";
    } else if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    } else if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class) {
      return "must be a whole number";
    } else if (type == Instant.class) {
      return "must be an RFC 3339 time like 2027-01-01T00:00:00Z";
    } else if (List.class.isAssignableFrom(type)) {
      return "must be a JSON array of strings";
    }
    return "has the wrong type";
  }
}
