package dev.gamingapi.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before a request reaches Javalin (a path with {@code %00}, {@code %FF}
 * or an overlong UTF-8 form, a request line or headers too long, a malformed request) as RFC 9457
 * problems, instead of its HTML page, or nothing when the client's {@code Accept} names no type
 * Jetty writes. Installed on the server and on the servlet context, so that whichever layer refuses
 * the request, the client reads the same kind of answer as from a route.
 */
final class JettyProblems extends ErrorHandler {
  private static final HttpField CONTENT_TYPE =
      new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(status, message, instance(request))), callback);
  }

  /** The answer to a request the parser could not read, so that has no path to name. */
  @Override
  public ByteBuffer badMessageError(int status, String message, HttpFields.Mutable fields) {
    fields.put(CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, message, null));
  }

  private static String instance(Request request) {
    try {
      String path = request.getHttpURI().getPath();
      // The raw, still encoded path: the one the client sent, and safe to echo in JSON. Jetty
      // names a request it could not parse "/badMessage", which the client never sent.
      return path == null || path.length() > 256 || path.equals("/badMessage") ? null : path;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] body(int status, String message, String instance) {
    String title = HttpStatus.getMessage(status);
    String detail = message == null || message.isBlank() ? title : message;
    Problem problem = Problem.of(status, slug(status), title, detail, instance);
    try {
      return ApiJson.MAPPER.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String slug(int status) {
    return switch (status) {
      case 400 -> "invalid-request";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 431 -> "headers-too-large";
      default -> "http-" + status;
    };
  }
}
