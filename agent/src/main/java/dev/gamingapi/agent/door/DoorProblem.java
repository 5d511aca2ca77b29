package dev.gamingapi.agent.door;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An RFC 9457 problem ({@code application/problem+json}) answered by the door, shaped like the
 * platform's own: {@code type}, {@code title}, {@code status}, {@code detail} and, for a bad event,
 * {@code errors} naming the field and the line of the request body.
 *
 * @param status the HTTP status
 * @param slug the last part of the type URI
 * @param title the kind of problem in words
 * @param detail what went wrong this time
 * @param errors the fields at fault, empty when none is
 */
public record DoorProblem(
    int status, String slug, String title, String detail, List<FieldError> errors) {
  /** The media type of a problem body. */
  public static final String CONTENT_TYPE = "application/problem+json";

  /** Canonical constructor: copies the list. */
  public DoorProblem {
    errors = List.copyOf(errors);
  }

  /**
   * One field at fault.
   *
   * @param line the 1-based line of the request body (JSON lines), 1 for a single object
   * @param field the field's path, e.g. {@code data.player_id}
   * @param message what is wrong with it
   */
  public record FieldError(int line, String field, String message) {}

  /** A 400 for one bad field. */
  static DoorProblem invalid(int line, String field, String message) {
    return new DoorProblem(
        400,
        "invalid-event",
        "Invalid event",
        "line " + line + ": " + field + ": " + message,
        List.of(new FieldError(line, field, message)));
  }

  /** The problem as a JSON body. */
  public String toJson() {
    ObjectNode body =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", "https://gamingapi.dev/problems/" + slug)
            .put("title", title)
            .put("status", status)
            .put("detail", detail);
    if (!errors.isEmpty()) {
      var array = body.putArray("errors");
      for (FieldError error : errors) {
        array
            .addObject()
            .put("line", error.line())
            .put("field", error.field())
            .put("message", error.message());
      }
    }
    return body.toString();
  }
}
