package dev.gamingapi.server.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The {@code commands} table: one row per command sent, with its stream sequence and result. */
final class CommandStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, server, name, args, idempotency_key, status, output, error, attempts, stream_seq,"
          + " not_before, expires_at, created_at, updated_at";

  /** A row: the command and its sequence in {@code COMMANDS} (null until the broker stored it). */
  record Row(Command command, Long streamSeq) {}

  private final Jdbi jdbi;
  private final Clock clock;

  CommandStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Inserts a queued command; false when its idempotency key is taken (by a concurrent send). */
  boolean insert(String account, Command c) {
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO commands (account, "
                          + COLUMNS
                          + ") VALUES (:account, :id, :server, :name, :args, :key, :status, NULL,"
                          + " NULL, NULL, NULL, :notBefore, :expiresAt, :at, :at)")
                  .bind("account", account)
                  .bind("id", c.id())
                  .bind("server", c.server())
                  .bind("name", c.name())
                  .bind("args", text(c.args()))
                  .bind("key", c.idempotencyKey())
                  .bind("status", c.status())
                  .bind("notBefore", millis(c.notBefore()))
                  .bind("expiresAt", millis(c.expiresAt()))
                  .bind("at", c.createdAt().toEpochMilli())
                  .execute());
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (c.idempotencyKey() != null
          && findByKey(account, c.server(), c.idempotencyKey()).isPresent()) {
        return false;
      }
      throw e;
    }
  }

  Optional<Row> findByKey(String account, String server, String key) {
    return one(
        "account = :account AND server = :server AND idempotency_key = :key",
        q -> q.bind("account", account).bind("server", server).bind("key", key));
  }

  Optional<Row> find(String account, String id) {
    return one("account = :account AND id = :id", q -> q.bind("account", account).bind("id", id));
  }

  void stored(String account, String id, long seq) {
    jdbi.useHandle(
        h ->
            h.createUpdate("UPDATE commands SET stream_seq = :seq WHERE account = :a AND id = :id")
                .bind("seq", seq)
                .bind("a", account)
                .bind("id", id)
                .execute());
  }

  void delete(String account, String id) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM commands WHERE account = :a AND id = :id")
                .bind("a", account)
                .bind("id", id)
                .execute());
  }

  void deleteAccount(String account) {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM commands WHERE account = :a").bind("a", account).execute());
  }

  /**
   * Records the result a game server reported. Only the command's own server can finish it, and
   * only once: a later report (a redelivery after a lost ack) changes nothing.
   *
   * @return when the command was created, if this report finished it (empty: it was finished
   *     already, or is not this server's)
   */
  Optional<Instant> finish(
      String account,
      String server,
      String id,
      CommandStatus status,
      JsonNode output,
      String error,
      Integer attempts) {
    // RETURNING (SQLite 3.35+, PostgreSQL): the creation time comes with the update, for the
    // command latency histogram, without a second statement.
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "UPDATE commands SET status = :status, output = :output, error = :error,"
                        + " attempts = :attempts, updated_at = :at WHERE account = :a"
                        + " AND server = :server AND id = :id"
                        + " AND status IN ('queued', 'delivered') RETURNING created_at")
                .bind("status", status.wire())
                .bind("output", output == null ? null : text(output))
                .bind("error", error)
                .bind("attempts", attempts)
                .bind("at", clock.millis())
                .bind("a", account)
                .bind("server", server)
                .bind("id", id)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
  }

  /**
   * A page of a server's commands, newest first, optionally of one status and name, since a time.
   */
  Page<Row> history(
      String account,
      String server,
      CommandStatus status,
      String name,
      Instant since,
      PageRequest page) {
    StringBuilder where = new StringBuilder("account = :account AND server = :server");
    if (status != null) {
      where.append(" AND status = :status");
    }
    if (name != null) {
      where.append(" AND name = :name");
    }
    if (since != null) {
      where.append(" AND created_at >= :since");
    }
    if (page.after() != null) {
      where.append(" AND id < :after");
    }
    List<Row> rows =
        jdbi.withHandle(
            h -> {
              Query q =
                  h.createQuery(
                      "SELECT "
                          + COLUMNS
                          + " FROM commands WHERE "
                          + where
                          + " ORDER BY id DESC LIMIT :limit");
              q.bind("account", account).bind("server", server).bind("limit", page.limit() + 1);
              if (status != null) {
                q.bind("status", status.wire());
              }
              if (name != null) {
                q.bind("name", name);
              }
              if (since != null) {
                q.bind("since", since.toEpochMilli());
              }
              if (page.after() != null) {
                q.bind("after", page.after());
              }
              return q.map((rs, ctx) -> row(rs)).list();
            });
    if (rows.size() <= page.limit()) {
      return new Page<>(rows, null);
    }
    List<Row> shown = rows.subList(0, page.limit());
    return new Page<>(shown, PageRequest.cursorAfter(shown.getLast().command().id()));
  }

  private Optional<Row> one(String where, Consumer<Query> binder) {
    return jdbi.withHandle(
        h -> {
          Query q = h.createQuery("SELECT " + COLUMNS + " FROM commands WHERE " + where);
          binder.accept(q);
          return q.map((rs, ctx) -> row(rs)).findOne();
        });
  }

  private static Row row(ResultSet rs) throws SQLException {
    long seq = rs.getLong("stream_seq");
    Long streamSeq = rs.wasNull() ? null : seq;
    int attempts = rs.getInt("attempts");
    Integer tries = rs.wasNull() ? null : attempts;
    Command command =
        new Command(
            rs.getString("id"),
            rs.getString("server"),
            rs.getString("name"),
            json(rs.getString("args")),
            rs.getString("status"),
            json(rs.getString("output")),
            rs.getString("error"),
            tries,
            rs.getString("idempotency_key"),
            instant(rs, "not_before"),
            instant(rs, "expires_at"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
    return new Row(command, streamSeq);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static Long millis(Instant time) {
    return time == null ? null : time.toEpochMilli();
  }

  static String text(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String text) {
    if (text == null) {
      return null;
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored command is not JSON", e);
    }
  }
}
