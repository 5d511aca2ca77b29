package dev.gamingapi.sdk.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gamingapi.sdk.ApiProblemException;
import dev.gamingapi.sdk.GamingApiException;
import dev.gamingapi.sdk.InvalidRequestException;
import dev.gamingapi.sdk.NotPermittedException;
import dev.gamingapi.sdk.ResourceNotFoundException;
import dev.gamingapi.sdk.rest.RestResponse;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Reads an answer of the REST API: its JSON when it succeeded, else the typed exception of its RFC
 * 9457 problem. Anything else (an HTML error page, a bare 502) is named as probably not coming from
 * a GamingAPI server, since a wrong URL is the usual cause.
 */
public final class Answers {
  private Answers() {}

  /**
   * The answer's status and JSON.
   *
   * @throws ApiProblemException (or a subclass) for a status of 400 or more
   * @throws GamingApiException for a success that is not JSON (empty is fine for 204 only)
   */
  public static RestResponse read(HttpResponse<String> response, ObjectMapper json) {
    int status = response.statusCode();
    JsonNode body = parse(response.body(), json);
    if (status >= 400) {
      throw problem(status, body, response.uri());
    }
    if (body == null && status != 204) {
      throw new GamingApiException(
          "the answer of " + response.uri() + " is not JSON (is this a GamingAPI server?)");
    }
    return new RestResponse(status, body);
  }

  /**
   * The typed exception of a refusal whose body is {@code text}: for answers not read as a string,
   * such as a stream of server-sent events that was refused.
   */
  public static ApiProblemException refusal(int status, String text, URI uri, ObjectMapper json) {
    return problem(status, parse(text, json), uri);
  }

  private static ApiProblemException problem(int status, JsonNode body, URI uri) {
    JsonNode problem = body == null ? MissingNode.getInstance() : body;
    String typeUri = problem.path("type").asText("");
    String type =
        typeUri.isEmpty() ? "http-" + status : typeUri.substring(typeUri.lastIndexOf('/') + 1);
    String detail = problem.path("detail").asText("");
    if (detail.isEmpty()) {
      detail = problem.path("title").asText("");
    }
    if (detail.isEmpty()) {
      detail = "HTTP " + status + " from " + uri + " (is this a GamingAPI server?)";
    }
    JsonNode errors = problem.hasNonNull("errors") ? problem.get("errors") : null;
    return switch (status) {
      case 400, 409, 413 -> new InvalidRequestException(status, type, detail, errors);
      case 401, 403 -> new NotPermittedException(status, type, detail, errors);
      case 404 -> new ResourceNotFoundException(status, type, detail, errors);
      default -> new ApiProblemException(status, type, detail, errors);
    };
  }

  /** The JSON of {@code text}, or null when it is empty or not JSON. */
  private static JsonNode parse(String text, ObjectMapper json) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException notJson) {
      return null; // the caller names what it got instead
    }
  }
}
