package dev.gamingapi.server.readmodel.engine;

import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Reads a tenant's dead letters, oldest first. */
public final class DeadLetterQueries {
  private final Jdbi jdbi;

  /** Queries over {@code jdbi}. */
  public DeadLetterQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A page of {@code account}'s dead letters; the cursor is the last id shown. */
  public Page<DeadLetter> page(String account, PageRequest request) {
    long after = 0;
    if (request.after() != null) {
      try {
        after = Long.parseLong(request.after());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("cursor", "is not a cursor of this list");
      }
    }
    long from = after;
    List<DeadLetter> rows =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT id, stream_seq, subject, reason, headers, body, at"
                            + " FROM rm_dead_letters WHERE account = :account AND id > :after"
                            + " ORDER BY id LIMIT :limit")
                    .bind("account", account)
                    .bind("after", from)
                    .bind("limit", request.limit() + 1)
                    .map(
                        (rs, ctx) ->
                            new DeadLetter(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getString(4),
                                headers(rs.getString(5)),
                                rs.getString(6),
                                Instant.ofEpochMilli(rs.getLong(7))))
                    .list());
    if (rows.size() <= request.limit()) {
      return new Page<>(rows, null);
    }
    List<DeadLetter> items = rows.subList(0, request.limit());
    return new Page<>(
        items, PageRequest.cursorAfter(Long.toString(items.get(items.size() - 1).id())));
  }

  // Stored as "name: value" lines (see Applier).
  private static Map<String, String> headers(String text) {
    Map<String, String> headers = new TreeMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        headers.put(line.substring(0, colon), line.substring(colon + 2));
      }
    }
    return headers;
  }
}
