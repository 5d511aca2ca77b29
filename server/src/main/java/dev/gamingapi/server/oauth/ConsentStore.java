package dev.gamingapi.server.oauth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of the {@code oauth_consents} table: owners signed in on the consent page, by the hash of
 * their session cookie. In the database rather than in memory so that any instance behind a load
 * balancer can take the decision.
 */
final class ConsentStore {
  /** A session: its page's CSRF token and who signed in. */
  record Session(String csrf, String account, String owner, Instant expiresAt) {}

  private final Jdbi jdbi;

  ConsentStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  void insert(String sessionHash, Session session) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO oauth_consents (session_hash, csrf, account, owner, expires_at)"
                        + " VALUES (:hash, :csrf, :account, :owner, :expires)")
                .bind("hash", sessionHash)
                .bind("csrf", session.csrf())
                .bind("account", session.account())
                .bind("owner", session.owner())
                .bind("expires", session.expiresAt().toEpochMilli())
                .execute());
  }

  /** Removes and returns the session: a decision is taken once. */
  Optional<Session> take(String sessionHash) {
    return jdbi.inTransaction(
        handle -> {
          Optional<Session> session =
              handle
                  .createQuery("SELECT * FROM oauth_consents WHERE session_hash = :hash")
                  .bind("hash", sessionHash)
                  .map(
                      (rs, ctx) ->
                          new Session(
                              rs.getString("csrf"),
                              rs.getString("account"),
                              rs.getString("owner"),
                              Instant.ofEpochMilli(rs.getLong("expires_at"))))
                  .findOne();
          int deleted =
              handle
                  .createUpdate("DELETE FROM oauth_consents WHERE session_hash = :hash")
                  .bind("hash", sessionHash)
                  .execute();
          return deleted == 1 ? session : Optional.empty();
        });
  }

  void prune(Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM oauth_consents WHERE expires_at < :now")
                .bind("now", now.toEpochMilli())
                .execute());
  }
}
