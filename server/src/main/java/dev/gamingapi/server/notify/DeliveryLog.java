package dev.gamingapi.server.notify;

import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The {@code notification_deliveries} table: every attempt, newest first when read. */
final class DeliveryLog {
  /** The longest excerpt of an answer kept. */
  static final int EXCERPT = 500;

  private final Jdbi jdbi;
  private final Clock clock;

  DeliveryLog(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  void record(
      String ruleId,
      NotifyEvent event,
      int attempt,
      String outcome,
      Integer status,
      String excerpt) {
    String text = excerpt == null ? "" : excerpt;
    if (text.length() > EXCERPT) {
      text = text.substring(0, EXCERPT);
    }
    String kept = text.replaceAll("\\p{Cntrl}", " "); // PostgreSQL refuses NUL in text
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO notification_deliveries (rule_id, at, event_id, event_type,"
                        + " attempt, outcome, http_status, excerpt) VALUES (:rule, :at, :eventId,"
                        + " :eventType, :attempt, :outcome, :status, :excerpt)")
                .bind("rule", ruleId)
                .bind("at", clock.millis())
                .bind("eventId", event.id())
                .bind("eventType", event.type())
                .bind("attempt", attempt)
                .bind("outcome", outcome)
                .bind("status", status)
                .bind("excerpt", kept)
                .execute());
  }

  /** A page of rule {@code ruleId}'s log, newest first. */
  Page<Delivery> page(String ruleId, PageRequest request) {
    long before;
    try {
      before = request.after() == null ? Long.MAX_VALUE : Long.parseLong(request.after());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("cursor", "is not a cursor of this list");
    }
    List<Delivery> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, at, event_id, event_type, attempt, outcome, http_status,"
                            + " excerpt FROM notification_deliveries WHERE rule_id = :rule AND id"
                            + " < :before ORDER BY id DESC LIMIT :n")
                    .bind("rule", ruleId)
                    .bind("before", before)
                    .bind("n", request.limit() + 1)
                    .map(
                        (rs, ctx) -> {
                          int status = rs.getInt("http_status");
                          Integer httpStatus = rs.wasNull() ? null : status;
                          return new Delivery(
                              rs.getLong("id"),
                              Instant.ofEpochMilli(rs.getLong("at")),
                              rs.getString("event_id"),
                              rs.getString("event_type"),
                              rs.getInt("attempt"),
                              rs.getString("outcome"),
                              httpStatus,
                              rs.getString("excerpt"));
                        })
                    .list());
    if (rows.size() <= request.limit()) {
      return new Page<>(rows, null);
    }
    List<Delivery> items = rows.subList(0, request.limit());
    return new Page<>(
        items, PageRequest.cursorAfter(Long.toString(items.get(items.size() - 1).id())));
  }
}
