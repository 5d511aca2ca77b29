package dev.gamingapi.testkit.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/** Checks of one request or response body against the media types an operation declares. */
final class Bodies {
  // Trailing tokens must fail: "{}{}" is not one JSON document, whatever a lenient reader makes.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private Bodies() {}

  static boolean isEmpty(String body) {
    return body == null || body.isEmpty();
  }

  /**
   * Checks {@code body}, sent as {@code contentType}, against the Content Object at {@code content}
   * (a map from media type to Media Type Object); {@code what} names the body in messages.
   */
  static void check(
      SchemaDocument document,
      String content,
      String what,
      String contentType,
      String body,
      List<String> out) {
    String actual = MediaTypes.base(contentType);
    List<String> declared = new ArrayList<>();
    document.at(content).fieldNames().forEachRemaining(declared::add);
    String media =
        declared.stream()
            .filter(range -> MediaTypes.covers(range, actual))
            .findFirst()
            .orElse(null);
    if (media == null) {
      out.add(what + " content type " + actual + " is not declared (declared: " + declared + ")");
      return;
    }
    if (isEmpty(body)) {
      out.add(what + " is empty but " + media + " is declared");
      return;
    }
    if (!MediaTypes.isJson(actual)) {
      return; // text, e.g. the Prometheus metrics: its schema is a plain string
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      out.add(what + " is not JSON: " + e.getOriginalMessage());
      return;
    }
    String schema = content + "/" + token(media) + "/schema";
    if (!document.at(schema).isMissingNode()) {
      document.validate(schema, tree).forEach(error -> out.add(what + error));
    }
  }

  /**
   * Escapes one JSON-pointer token ({@code application/json} becomes {@code application~1json}).
   */
  static String token(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
