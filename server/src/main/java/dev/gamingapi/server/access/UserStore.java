package dev.gamingapi.server.access;

import dev.gamingapi.server.common.Cursors;
import dev.gamingapi.server.common.JsonLists;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code users} table. */
public final class UserStore {
  private static final String COLUMNS =
      "account, name, kind, server, servers, event_types, may_send_commands, nats_public_key,"
          + " created_at, expires_at, revoked_at";

  private final Jdbi jdbi;

  public UserStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(String account, User user, String tokenHash) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO users ("
                        + COLUMNS
                        + ", token_hash) VALUES (:account, :name, :kind, :server, :servers,"
                        + " :types, :send, :key, :created, :expires, NULL, :token)")
                .bind("account", account)
                .bind("name", user.name())
                .bind("kind", user.kind().wireName())
                .bind("server", user.server())
                .bind("servers", JsonLists.write(user.servers()))
                .bind("types", JsonLists.write(user.eventTypes()))
                .bind("send", user.maySendCommands())
                .bind("key", user.natsPublicKey())
                .bind("created", user.createdAt().toEpochMilli())
                .bind("expires", user.expiresAt() == null ? null : user.expiresAt().toEpochMilli())
                .bind("token", tokenHash)
                .execute());
  }

  Optional<User> find(String account, String name) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM users WHERE account = :account AND name = :name")
                .bind("account", account)
                .bind("name", name)
                .map((rs, ctx) -> user(rs))
                .findOne());
  }

  /** The user of {@code account} whose current NATS credential has {@code natsPublicKey}. */
  Optional<User> findByKey(String account, String natsPublicKey) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM users WHERE account = :account AND nats_public_key = :key")
                .bind("account", account)
                .bind("key", natsPublicKey)
                .map((rs, ctx) -> user(rs))
                .findOne());
  }

  /** The account and user whose token hashes to {@code tokenHash}. */
  Optional<TokenOwner> byToken(String tokenHash) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM users WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new TokenOwner(rs.getString("account"), user(rs)))
                .findOne());
  }

  /** A user found by its token. */
  record TokenOwner(String account, User user) {}

  Page<User> page(String account, PageRequest request) {
    return Cursors.query(
        jdbi,
        "SELECT " + COLUMNS + " FROM users WHERE account = :account",
        "name",
        Map.of("account", account),
        request,
        (rs, ctx) -> user(rs),
        u -> Cursors.key(u.createdAt(), u.name()));
  }

  static void markRevoked(Handle handle, String account, String name, Instant at) {
    handle
        .createUpdate("UPDATE users SET revoked_at = :at WHERE account = :account AND name = :name")
        .bind("at", at.toEpochMilli())
        .bind("account", account)
        .bind("name", name)
        .execute();
  }

  static void replaceCredentials(
      Handle handle, String account, String name, String natsPublicKey, String tokenHash) {
    handle
        .createUpdate(
            "UPDATE users SET nats_public_key = :key, token_hash = :token"
                + " WHERE account = :account AND name = :name")
        .bind("key", natsPublicKey)
        .bind("token", tokenHash)
        .bind("account", account)
        .bind("name", name)
        .execute();
  }

  Jdbi jdbi() {
    return jdbi;
  }

  private static User user(ResultSet rs) throws SQLException {
    long expires = rs.getLong("expires_at");
    Instant expiresAt = rs.wasNull() ? null : Instant.ofEpochMilli(expires);
    long revoked = rs.getLong("revoked_at");
    Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
    return new User(
        rs.getString("name"),
        UserKind.fromWire(rs.getString("kind")),
        rs.getString("server"),
        JsonLists.strings(rs.getString("servers")),
        JsonLists.strings(rs.getString("event_types")),
        rs.getBoolean("may_send_commands"),
        rs.getString("nats_public_key"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        expiresAt,
        revokedAt);
  }
}
