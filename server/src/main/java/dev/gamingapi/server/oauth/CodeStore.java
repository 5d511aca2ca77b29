package dev.gamingapi.server.oauth;

import dev.gamingapi.server.common.JsonLists;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code oauth_codes} table: authorization codes, stored by their hash. */
final class CodeStore {
  /**
   * A stored code.
   *
   * @param grantId the grant its first redemption made, or null while unredeemed
   */
  record Code(
      String clientId,
      String redirectUri,
      String codeChallenge,
      String account,
      String owner,
      GrantScope scope,
      Duration grantLifetime,
      Instant expiresAt,
      String grantId) {}

  private final Jdbi jdbi;

  CodeStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(String codeHash, Code code) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO oauth_codes (code_hash, client_id, redirect_uri, code_challenge,"
                        + " account, owner, servers, event_types, may_send_commands, grant_millis,"
                        + " expires_at, grant_id) VALUES (:hash, :client, :uri, :challenge,"
                        + " :account, :owner, :servers, :types, :send, :lifetime, :expires, NULL)")
                .bind("hash", codeHash)
                .bind("client", code.clientId())
                .bind("uri", code.redirectUri())
                .bind("challenge", code.codeChallenge())
                .bind("account", code.account())
                .bind("owner", code.owner())
                .bind("servers", JsonLists.write(code.scope().servers()))
                .bind("types", JsonLists.write(code.scope().eventTypes()))
                .bind("send", code.scope().maySendCommands())
                .bind("lifetime", code.grantLifetime().toMillis())
                .bind("expires", code.expiresAt().toEpochMilli())
                .execute());
  }

  Optional<Code> find(String codeHash) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM oauth_codes WHERE code_hash = :hash")
                .bind("hash", codeHash)
                .map(
                    (rs, ctx) ->
                        new Code(
                            rs.getString("client_id"),
                            rs.getString("redirect_uri"),
                            rs.getString("code_challenge"),
                            rs.getString("account"),
                            rs.getString("owner"),
                            new GrantScope(
                                JsonLists.strings(rs.getString("servers")),
                                JsonLists.strings(rs.getString("event_types")),
                                rs.getBoolean("may_send_commands")),
                            Duration.ofMillis(rs.getLong("grant_millis")),
                            Instant.ofEpochMilli(rs.getLong("expires_at")),
                            rs.getString("grant_id")))
                .findOne());
  }

  /** Marks the code redeemed by {@code grantId}; false when another redemption came first. */
  static boolean redeem(Handle handle, String codeHash, String grantId) {
    return handle
            .createUpdate(
                "UPDATE oauth_codes SET grant_id = :grant"
                    + " WHERE code_hash = :hash AND grant_id IS NULL")
            .bind("grant", grantId)
            .bind("hash", codeHash)
            .execute()
        == 1;
  }

  /** Forgets codes expired before {@code before}; a replay after that is simply unknown. */
  void prune(Instant before) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM oauth_codes WHERE expires_at < :before")
                .bind("before", before.toEpochMilli())
                .execute());
  }
}
