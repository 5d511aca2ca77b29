package dev.gamingapi.server.audit;

import dev.gamingapi.server.common.Cursors;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.JsonLists;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.common.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The audit trail of control-plane changes: append-only, read per account, newest first. */
public final class AuditLog {
  private final Jdbi jdbi;
  private final Clock clock;

  public AuditLog(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Records that {@code actor} did {@code action} to {@code target} in {@code account}; public for
   * the capabilities outside tenancy that change a tenant (the read models forgetting a player).
   */
  public void record(
      Actor actor, String action, String account, String target, Map<String, ?> detail) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO audit (at, actor, action, account, target, detail, remote_address)"
                        + " VALUES (:at, :actor, :action, :account, :target, :detail, :remote)")
                .bind("at", Times.now(clock).toEpochMilli())
                .bind("actor", actor.name())
                .bind("action", action)
                .bind("account", account)
                .bind("target", target)
                .bind("detail", JsonLists.write(detail))
                .bind("remote", actor.remoteAddress())
                .execute());
  }

  /** A page of {@code account}'s entries, newest first; the cursor is the last id shown. */
  public Page<AuditEntry> page(String account, PageRequest request) {
    long before;
    try {
      before = request.after() == null ? Long.MAX_VALUE : Long.parseLong(request.after());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("cursor", "is not a cursor of this list");
    }
    return jdbi.withHandle(
        handle -> {
          Query query =
              handle.createQuery(
                  "SELECT id, at, actor, action, account, target, detail, remote_address FROM audit"
                      + " WHERE account = :account AND id < :before ORDER BY id DESC LIMIT :limit");
          List<AuditEntry> rows =
              query
                  .bind("account", account)
                  .bind("before", before)
                  .bind("limit", request.limit() + 1)
                  .map(
                      (rs, ctx) ->
                          new AuditEntry(
                              rs.getLong("id"),
                              Instant.ofEpochMilli(rs.getLong("at")),
                              rs.getString("actor"),
                              rs.getString("action"),
                              rs.getString("account"),
                              rs.getString("target"),
                              JsonLists.object(rs.getString("detail")),
                              rs.getString("remote_address")))
                  .list();
          return Cursors.page(rows, request, entry -> Long.toString(entry.id()));
        });
  }
}
