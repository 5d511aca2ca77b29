package dev.gamingapi.server.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Which page of a list: at most {@code limit} items after the opaque {@code cursor}.
 *
 * <p>A cursor is the base64url of the last item's sort key, so pages stay right when items are
 * added meanwhile; clients must treat it as opaque.
 *
 * @param limit 1 to 200
 * @param after the decoded cursor, or null for the first page
 */
public record PageRequest(int limit, String after) {
  /** The default page size. */
  public static final int DEFAULT_LIMIT = 50;

  /** The first page, of the default size. */
  public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, null);

  /** Checks the limit. */
  public PageRequest {
    if (limit < 1 || limit > 200) {
      throw new InvalidRequestException("limit", "must be 1 to 200, got " + limit);
    }
  }

  /**
   * A request from the query parameters {@code limit} and {@code cursor} (either may be null).
   *
   * @throws InvalidRequestException naming the bad parameter
   */
  public static PageRequest of(String limit, String cursor) {
    int size = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        size = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("limit", "must be a whole number, got '" + limit + "'");
      }
    }
    String after = null;
    if (cursor != null && !cursor.isEmpty()) {
      try {
        after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException("cursor", "is not a cursor of this list");
      }
    }
    return new PageRequest(size, after);
  }

  /** The cursor that starts after {@code key}. */
  public static String cursorAfter(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }
}
