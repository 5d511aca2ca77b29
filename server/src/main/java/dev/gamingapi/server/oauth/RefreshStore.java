package dev.gamingapi.server.oauth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code oauth_refresh_tokens} table: refresh tokens by their hash. */
final class RefreshStore {
  /** A stored refresh token: its grant, and when it was used (null: not yet). */
  record Refresh(String grantId, Instant usedAt) {}

  private final Jdbi jdbi;

  RefreshStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  static void insert(Handle handle, String tokenHash, String grantId, Instant at) {
    handle
        .createUpdate(
            "INSERT INTO oauth_refresh_tokens (token_hash, grant_id, created_at, used_at)"
                + " VALUES (:hash, :grant, :at, NULL)")
        .bind("hash", tokenHash)
        .bind("grant", grantId)
        .bind("at", at.toEpochMilli())
        .execute();
  }

  Optional<Refresh> find(String tokenHash) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT grant_id, used_at FROM oauth_refresh_tokens WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map(
                    (rs, ctx) -> {
                      long used = rs.getLong("used_at");
                      Instant usedAt = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                      return new Refresh(rs.getString("grant_id"), usedAt);
                    })
                .findOne());
  }

  /** Marks the token used; false when another use came first (then it is a reuse). */
  static boolean use(Handle handle, String tokenHash, Instant at) {
    return handle
            .createUpdate(
                "UPDATE oauth_refresh_tokens SET used_at = :at"
                    + " WHERE token_hash = :hash AND used_at IS NULL")
            .bind("at", at.toEpochMilli())
            .bind("hash", tokenHash)
            .execute()
        == 1;
  }
}
