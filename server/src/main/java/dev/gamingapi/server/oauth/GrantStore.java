package dev.gamingapi.server.oauth;

import dev.gamingapi.server.common.Cursors;
import dev.gamingapi.server.common.JsonLists;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code oauth_grants} and {@code oauth_nats_keys} tables. */
final class GrantStore {
  private static final String COLUMNS =
      "id, account, client_id, client_name, owner, servers, event_types, may_send_commands,"
          + " created_at, expires_at, last_used_at, revoked_at";

  private final Jdbi jdbi;

  GrantStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public static void insert(Handle handle, Grant grant) {
    handle
        .createUpdate(
            "INSERT INTO oauth_grants ("
                + COLUMNS
                + ") VALUES (:id, :account, :client, :clientName, :owner, :servers, :types,"
                + " :send, :created, :expires, NULL, NULL)")
        .bind("id", grant.id())
        .bind("account", grant.account())
        .bind("client", grant.clientId())
        .bind("clientName", grant.clientName())
        .bind("owner", grant.owner())
        .bind("servers", JsonLists.write(grant.scope().servers()))
        .bind("types", JsonLists.write(grant.scope().eventTypes()))
        .bind("send", grant.scope().maySendCommands())
        .bind("created", grant.createdAt().toEpochMilli())
        .bind("expires", grant.expiresAt().toEpochMilli())
        .execute();
  }

  public Optional<Grant> find(String id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM oauth_grants WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> grant(rs))
                .findOne());
  }

  /**
   * Grant {@code id} if it is active at {@code now} and its owner is still a user of the account,
   * neither revoked nor expired.
   */
  public Optional<Grant> findIfActive(String id, Instant now) {
    long at = now.toEpochMilli();
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS.replaceAll("(\\w+)", "g.$1")
                        + " FROM oauth_grants g JOIN users u"
                        + " ON u.account = g.account AND u.name = g.owner"
                        + " WHERE g.id = :id AND g.revoked_at IS NULL AND g.expires_at > :now"
                        + " AND u.revoked_at IS NULL AND (u.expires_at IS NULL OR u.expires_at > :now)")
                .bind("id", id)
                .bind("now", at)
                .map((rs, ctx) -> grant(rs))
                .findOne());
  }

  public Page<Grant> page(String account, PageRequest request) {
    return Cursors.query(
        jdbi,
        "SELECT " + COLUMNS + " FROM oauth_grants WHERE account = :account",
        "id",
        Map.of("account", account),
        request,
        (rs, ctx) -> grant(rs),
        grant -> Cursors.key(grant.createdAt(), grant.id()));
  }

  /** The grants of {@code clientId} not revoked yet. */
  public List<Grant> unrevokedOf(String clientId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM oauth_grants WHERE client_id = :client AND revoked_at IS NULL")
                .bind("client", clientId)
                .map((rs, ctx) -> grant(rs))
                .list());
  }

  /** Marks the grant revoked; false when it was revoked already (another caller won). */
  public static boolean markRevoked(Handle handle, String id, Instant at) {
    return handle
            .createUpdate(
                "UPDATE oauth_grants SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
            .bind("at", at.toEpochMilli())
            .bind("id", id)
            .execute()
        == 1;
  }

  /** Records a use, at most one write a minute per grant. */
  public void touch(String id, Instant at) {
    long now = at.toEpochMilli();
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE oauth_grants SET last_used_at = :now WHERE id = :id"
                        + " AND (last_used_at IS NULL OR last_used_at < :minuteAgo)")
                .bind("now", now)
                .bind("minuteAgo", now - 60_000)
                .bind("id", id)
                .execute());
  }

  public void addNatsKey(String grantId, String natsPublicKey, Instant at) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO oauth_nats_keys (grant_id, nats_public_key, issued_at)"
                        + " VALUES (:grant, :key, :at) ON CONFLICT (grant_id, nats_public_key)"
                        + " DO UPDATE SET issued_at = excluded.issued_at")
                .bind("grant", grantId)
                .bind("key", natsPublicKey)
                .bind("at", at.toEpochMilli())
                .execute());
  }

  public List<String> natsKeys(String grantId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT nats_public_key FROM oauth_nats_keys WHERE grant_id = :grant")
                .bind("grant", grantId)
                .mapTo(String.class)
                .list());
  }

  private static Grant grant(ResultSet rs) throws SQLException {
    long used = rs.getLong("last_used_at");
    Instant lastUsed = rs.wasNull() ? null : Instant.ofEpochMilli(used);
    long revoked = rs.getLong("revoked_at");
    Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
    return new Grant(
        rs.getString("id"),
        rs.getString("account"),
        rs.getString("client_id"),
        rs.getString("client_name"),
        rs.getString("owner"),
        new GrantScope(
            JsonLists.strings(rs.getString("servers")),
            JsonLists.strings(rs.getString("event_types")),
            rs.getBoolean("may_send_commands")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")),
        lastUsed,
        revokedAt);
  }
}
