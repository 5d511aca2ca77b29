package dev.gamingapi.testkit.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request half of an exchange: its path and query parameters and its body. Only meaningful when
 * the server accepted the request (status below 400): a refused request may well break the
 * contract, that being why it was refused.
 */
final class RequestCheck {
  private RequestCheck() {}

  static void run(
      SchemaDocument document,
      Route route,
      Map<String, String> pathValues,
      String rawQuery,
      Exchange exchange,
      List<String> out) {
    Map<String, List<String>> query = parseQuery(rawQuery);
    for (String parameter : parameters(document, route).values()) {
      JsonNode declared = document.at(parameter);
      String name = declared.path("name").asText();
      String in = declared.path("in").asText();
      String value =
          switch (in) {
            case "path" -> pathValues.get(name);
            case "query" -> query.containsKey(name) ? query.remove(name).getFirst() : null;
            default -> null; // headers and cookies of requests are not recorded in an Exchange
          };
      if (value == null) {
        if (in.equals("query") && declared.path("required").asBoolean()) {
          out.add("required query parameter " + name + " is missing");
        }
        continue;
      }
      String schema = parameter + "/schema";
      document
          .validate(schema, document.typed(schema, value))
          .forEach(error -> out.add(in + " parameter " + name + "='" + value + "'" + error));
    }
    query.keySet().forEach(name -> out.add("query parameter " + name + " is not declared"));
    body(document, route, exchange, out);
  }

  private static void body(
      SchemaDocument document, Route route, Exchange exchange, List<String> out) {
    String requestBody = document.follow(route.operation() + "/requestBody");
    boolean sent = !Bodies.isEmpty(exchange.requestBody());
    if (document.at(requestBody).isMissingNode()) {
      if (sent) {
        out.add("a request body was sent but the operation declares none");
      }
    } else if (!sent) {
      if (document.at(requestBody).path("required").asBoolean()) {
        out.add("the request body is required but none was sent");
      }
    } else {
      Bodies.check(
          document,
          requestBody + "/content",
          "request body",
          exchange.requestContentType(),
          exchange.requestBody(),
          out);
    }
  }

  /**
   * The parameters of the route, by {@code in:name}, as pointers with their {@code $ref} followed;
   * the operation's override the path item's, as OpenAPI says.
   */
  private static Map<String, String> parameters(SchemaDocument document, Route route) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String owner : List.of(route.pointer(), route.operation())) {
      JsonNode list = document.at(owner + "/parameters");
      for (int i = 0; i < list.size(); i++) {
        String pointer = document.follow(owner + "/parameters/" + i);
        JsonNode parameter = document.at(pointer);
        out.put(parameter.path("in").asText() + ":" + parameter.path("name").asText(), pointer);
      }
    }
    return out;
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      out.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }
}
