package dev.gamingapi.testkit.openapi;

import java.util.Locale;

/** Comparison of {@code Content-Type} values with the media types a document declares. */
final class MediaTypes {
  private MediaTypes() {}

  /** {@code application/json} for {@code Application/JSON; charset=utf-8}; null stays null. */
  static String base(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return base.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a declared media range ({@code text/plain}, {@code text/*}, {@code *}{@code /*}) covers
   * {@code actual}.
   */
  static boolean covers(String declared, String actual) {
    String range = base(declared);
    if (range == null || actual == null) {
      return false;
    }
    if (range.equals("*/*") || range.equals(actual)) {
      return true;
    }
    return range.endsWith("/*") && actual.startsWith(range.substring(0, range.length() - 1));
  }

  /** Whether bodies of this media type are JSON: {@code application/json} or {@code +json}. */
  static boolean isJson(String base) {
    return base != null && (base.equals("application/json") || base.endsWith("+json"));
  }
}
