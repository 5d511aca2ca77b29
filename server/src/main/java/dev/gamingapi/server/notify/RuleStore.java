package dev.gamingapi.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import dev.gamingapi.server.keys.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The {@code notification_rules} table. Every read is scoped to one account. */
final class RuleStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, account, name, kind, url, secret, event_types, servers, template, rate_per_minute,"
          + " paused_at, paused_reason, failing_since, last_seq, created_at, updated_at";

  private final Jdbi jdbi;
  private final Secrets secrets;

  /** {@code secrets} seals each rule's URL and secret at rest. */
  RuleStore(Jdbi jdbi, Secrets secrets) {
    this.jdbi = jdbi;
    this.secrets = secrets;
  }

  /**
   * Seals the URLs and secrets of rules written before they were sealed; answers how many rules it
   * sealed. Their clear text stays nowhere: the database deletes securely (see {@code Database}).
   */
  int sealLegacy() {
    return jdbi.inTransaction(
        h -> {
          int sealed = 0;
          for (Map<String, Object> rule :
              h.createQuery("SELECT id, url, secret FROM notification_rules").mapToMap().list()) {
            String id = (String) rule.get("id");
            String url = (String) rule.get("url");
            String secret = (String) rule.get("secret");
            if (Secrets.isSealed(url) && Secrets.isSealed(secret)) {
              continue;
            }
            h.createUpdate(
                    "UPDATE notification_rules SET url = :url, secret = :secret WHERE id = :id")
                .bind("url", Secrets.isSealed(url) ? url : secrets.seal(url, context(id, "url")))
                .bind(
                    "secret",
                    Secrets.isSealed(secret) ? secret : secrets.seal(secret, context(id, "secret")))
                .bind("id", id)
                .execute();
            sealed++;
          }
          return sealed;
        });
  }

  // Bound to the rule and the field: a sealed value copied to another row does not open there.
  private static String context(String ruleId, String field) {
    return "notification " + ruleId + " " + field;
  }

  private String sealedUrl(Rule rule) {
    return secrets.seal(rule.url(), context(rule.id(), "url"));
  }

  private String sealedSecret(Rule rule) {
    return secrets.seal(rule.secret(), context(rule.id(), "secret"));
  }

  void insert(Rule rule) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO notification_rules ("
                        + COLUMNS
                        + ") VALUES (:id, :account, :name, :kind, :url, :secret, :eventTypes,"
                        + " :servers, :template, :rate, NULL, NULL, NULL, :lastSeq, :createdAt,"
                        + " :updatedAt)")
                .bind("id", rule.id())
                .bind("account", rule.account())
                .bind("name", rule.name())
                .bind("kind", rule.kind())
                .bind("url", sealedUrl(rule))
                .bind("secret", sealedSecret(rule))
                .bind("eventTypes", write(rule.eventTypes()))
                .bind("servers", write(rule.servers()))
                .bind("template", rule.template())
                .bind("rate", rule.ratePerMinute())
                .bind("lastSeq", rule.lastSeq())
                .bind("createdAt", rule.createdAt().toEpochMilli())
                .bind("updatedAt", rule.updatedAt().toEpochMilli())
                .execute());
  }

  /** Writes the fields a PATCH may change. */
  void update(Rule rule) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE notification_rules SET name = :name, url = :url, event_types ="
                        + " :eventTypes, servers = :servers, template = :template,"
                        + " rate_per_minute = :rate, paused_at = :pausedAt, paused_reason ="
                        + " :pausedReason, failing_since = :failingSince, updated_at = :updatedAt"
                        + " WHERE account = :account AND id = :id")
                .bind("id", rule.id())
                .bind("account", rule.account())
                .bind("name", rule.name())
                .bind("url", sealedUrl(rule))
                .bind("eventTypes", write(rule.eventTypes()))
                .bind("servers", write(rule.servers()))
                .bind("template", rule.template())
                .bind("rate", rule.ratePerMinute())
                .bind("pausedAt", millis(rule.pausedAt()))
                .bind("pausedReason", rule.pausedReason())
                .bind("failingSince", millis(rule.failingSince()))
                .bind("updatedAt", rule.updatedAt().toEpochMilli())
                .execute());
  }

  /** Records the delivery state the engine keeps: failing since, paused, last sequence. */
  void state(String id, Instant failingSince, Instant pausedAt, String reason, long lastSeq) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE notification_rules SET failing_since = :failingSince, paused_at ="
                        + " :pausedAt, paused_reason = :reason, last_seq = CASE WHEN last_seq >"
                        + " :lastSeq THEN last_seq ELSE :lastSeq END WHERE id = :id")
                .bind("id", id)
                .bind("failingSince", millis(failingSince))
                .bind("pausedAt", millis(pausedAt))
                .bind("reason", reason)
                .bind("lastSeq", lastSeq)
                .execute());
  }

  Optional<Rule> find(String account, String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM notification_rules WHERE account = :a AND id = :id")
                .bind("a", account)
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne());
  }

  List<Rule> all(String account) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM notification_rules WHERE account = :a ORDER BY created_at, id")
                .bind("a", account)
                .map((rs, ctx) -> row(rs))
                .list());
  }

  Page<Rule> page(String account, PageRequest request) {
    String after = request.after();
    long afterTime = 0;
    String afterId = "";
    if (after != null) {
      int colon = after.indexOf(':');
      try {
        afterTime = Long.parseLong(colon < 0 ? "x" : after.substring(0, colon));
      } catch (NumberFormatException e) {
        throw new InvalidRequestException("cursor", "is not a cursor of this list");
      }
      afterId = after.substring(colon + 1);
    }
    long time = afterTime;
    String id = afterId;
    List<Rule> rows =
        jdbi.withHandle(
            h -> {
              Query query =
                  h.createQuery(
                          "SELECT "
                              + COLUMNS
                              + " FROM notification_rules WHERE account = :a AND (created_at > :t"
                              + " OR (created_at = :t AND id > :id)) ORDER BY created_at, id"
                              + " LIMIT :n")
                      .bind("a", account)
                      .bind("t", after == null ? -1 : time)
                      .bind("id", id)
                      .bind("n", request.limit() + 1);
              return query.map((rs, ctx) -> row(rs)).list();
            });
    if (rows.size() <= request.limit()) {
      return new Page<>(rows, null);
    }
    List<Rule> items = rows.subList(0, request.limit());
    Rule last = items.get(items.size() - 1);
    return new Page<>(
        items, PageRequest.cursorAfter(last.createdAt().toEpochMilli() + ":" + last.id()));
  }

  boolean delete(String account, String id) {
    return jdbi.withHandle(
            h ->
                h.createUpdate("DELETE FROM notification_rules WHERE account = :a AND id = :id")
                    .bind("a", account)
                    .bind("id", id)
                    .execute())
        > 0;
  }

  private Rule row(ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    return new Rule(
        id,
        rs.getString("account"),
        rs.getString("name"),
        rs.getString("kind"),
        secrets.open(rs.getString("url"), context(id, "url")),
        secrets.open(rs.getString("secret"), context(id, "secret")),
        read(rs.getString("event_types")),
        read(rs.getString("servers")),
        rs.getString("template"),
        rs.getInt("rate_per_minute"),
        instant(rs, "paused_at"),
        rs.getString("paused_reason"),
        instant(rs, "failing_since"),
        rs.getLong("last_seq"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static String write(List<String> list) {
    try {
      return JSON.writeValueAsString(list);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt JSON list in notification_rules: " + json, e);
    }
  }
}
