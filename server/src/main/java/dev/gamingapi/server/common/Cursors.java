package dev.gamingapi.server.common;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Keyset paging over (creation time, name): a cursor is the key of the last item shown, so a page
 * never repeats or skips items when others are added meanwhile.
 */
public final class Cursors {
  private Cursors() {}

  public static String key(Instant createdAt, String name) {
    return createdAt.toEpochMilli() + ":" + name;
  }

  /**
   * The SQL condition that starts after the request's cursor ({@code ""} on the first page), on
   * columns {@code created_at} and {@code nameColumn}. Built as text rather than with a null
   * parameter because PostgreSQL cannot type a bare {@code :p IS NULL}.
   */
  static String after(PageRequest request, String nameColumn) {
    return request.after() == null
        ? ""
        : " AND (created_at > :afterTime OR (created_at = :afterTime AND "
            + nameColumn
            + " > :afterName))";
  }

  /** Binds the parameters of {@link #after}. */
  static Query bind(Query query, PageRequest request) {
    String after = request.after();
    if (after == null) {
      return query;
    }
    int colon = after.indexOf(':');
    long time;
    try {
      time = Long.parseLong(colon < 0 ? "x" : after.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("cursor", "is not a cursor of this list");
    }
    return query.bind("afterTime", time).bind("afterName", after.substring(colon + 1));
  }

  /**
   * One page of {@code select} (a {@code SELECT ... FROM ... WHERE ...} with named parameters
   * {@code params}) in order of creation time, then {@code nameColumn}.
   */
  public static <T> Page<T> query(
      Jdbi jdbi,
      String select,
      String nameColumn,
      Map<String, ?> params,
      PageRequest request,
      RowMapper<T> mapper,
      Function<T, String> key) {
    return jdbi.withHandle(
        handle -> {
          Query query =
              handle.createQuery(
                  select
                      + after(request, nameColumn)
                      + " ORDER BY created_at, "
                      + nameColumn
                      + " LIMIT :limit");
          params.forEach(query::bind);
          List<T> rows = bind(query, request).bind("limit", request.limit() + 1).map(mapper).list();
          return page(rows, request, key);
        });
  }

  /** The page of {@code rows}, which holds up to one item more than the limit. */
  public static <T> Page<T> page(List<T> rows, PageRequest request, Function<T, String> key) {
    if (rows.size() <= request.limit()) {
      return new Page<>(rows, null);
    }
    List<T> items = rows.subList(0, request.limit());
    return new Page<>(items, PageRequest.cursorAfter(key.apply(items.getLast())));
  }
}
