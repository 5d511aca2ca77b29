package dev.gamingapi.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The response half of an exchange: its status, headers, content type and body. */
final class ResponseCheck {
  private ResponseCheck() {}

  static void run(SchemaDocument document, Route route, Exchange exchange, List<String> out) {
    String responses = route.operation() + "/responses";
    String key = responseKey(document.at(responses), exchange.status());
    if (key == null) {
      List<String> declared = new ArrayList<>();
      document.at(responses).fieldNames().forEachRemaining(declared::add);
      out.add("status " + exchange.status() + " is not declared (declared: " + declared + ")");
      return;
    }
    String response = document.follow(responses + "/" + Bodies.token(key));
    headers(document, response, exchange.responseHeaders(), out);
    JsonNode content = document.at(response + "/content");
    if (content.isMissingNode() || content.isEmpty()) {
      if (!Bodies.isEmpty(exchange.responseBody())) {
        out.add("status " + key + " declares no body but the response has one");
      }
      return;
    }
    Bodies.check(
        document,
        response + "/content",
        "response body",
        exchange.responseContentType(),
        exchange.responseBody(),
        out);
  }

  /** The exact status, else its range ({@code 4XX}), else {@code default}; null when none. */
  private static String responseKey(JsonNode responses, int status) {
    String exact = String.valueOf(status);
    String range = status / 100 + "XX";
    for (String key : List.of(exact, range, range.toLowerCase(), "default")) {
      if (responses.has(key)) {
        return key;
      }
    }
    return null;
  }

  private static void headers(
      SchemaDocument document, String response, Map<String, String> actual, List<String> out) {
    document
        .at(response + "/headers")
        .properties()
        .forEach(
            header -> {
              String name = header.getKey();
              if (name.equalsIgnoreCase("Content-Type")) {
                return; // OpenAPI says a Content-Type header definition is ignored
              }
              String pointer = document.follow(response + "/headers/" + Bodies.token(name));
              String value = actual.get(name);
              if (value == null) {
                if (document.at(pointer).path("required").asBoolean()) {
                  out.add("response header " + name + " is missing");
                }
                return;
              }
              String schema = pointer + "/schema";
              if (!document.at(schema).isMissingNode()) {
                document
                    .validate(schema, document.typed(schema, value))
                    .forEach(
                        error -> out.add("response header " + name + "='" + value + "'" + error));
              }
            });
  }
}
