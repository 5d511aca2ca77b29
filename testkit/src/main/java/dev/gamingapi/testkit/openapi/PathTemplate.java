package dev.gamingapi.testkit.openapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path of the document, such as {@code /api/v1/accounts/{account}/users/{user}}, matched one
 * segment at a time: a {@code {name}} segment takes exactly one segment of the actual path.
 *
 * @param template the path as the document writes it
 * @param segments its segments, without the leading empty one
 */
record PathTemplate(String template, List<String> segments) {

  static PathTemplate of(String template) {
    return new PathTemplate(template, List.of(template.substring(1).split("/", -1)));
  }

  /** The decoded values of the parameters if {@code rawPath} (no query string) matches. */
  Optional<Map<String, String>> match(String rawPath) {
    if (!rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String[] actual = rawPath.substring(1).split("/", -1);
    if (actual.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < actual.length; i++) {
      String segment = segments.get(i);
      String value = decode(actual[i]);
      if (isParameter(segment)) {
        values.put(segment.substring(1, segment.length() - 1), value);
      } else if (!segment.equals(value)) {
        return Optional.empty();
      }
    }
    return Optional.of(values);
  }

  /**
   * How many segments are fixed text. When two templates match, the one with more wins, as OpenAPI
   * says concrete paths match before templated ones.
   */
  int literalSegments() {
    return (int) segments.stream().filter(segment -> !isParameter(segment)).count();
  }

  private static boolean isParameter(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /** Percent-decoding of a path segment; unlike a query, '+' stays a plus sign. */
  static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw; // a stray '%': compare and validate the text as it came
    }
  }
}
