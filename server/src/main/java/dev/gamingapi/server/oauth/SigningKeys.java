package dev.gamingapi.server.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.gamingapi.server.common.Times;
import dev.gamingapi.server.keys.KeyVault;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The ES256 keys that sign access tokens, in {@code oauth_signing_keys}: one signs at a time; when
 * it is older than the rotation period (or on {@link #rotate}) a new one takes over and the old one
 * is retired but still published and accepted until every token it signed has expired, so that a
 * rotation breaks no token in flight. Private keys are sealed under the master key.
 */
public final class SigningKeys {
  private record Row(
      String kid, String publicJwk, String sealed, Instant created, Instant retired) {}

  private final Jdbi jdbi;
  private final KeyVault vault;
  private final OAuthConfig config;
  private final Clock clock;
  private volatile ECKey signing;

  SigningKeys(Jdbi jdbi, KeyVault vault, OAuthConfig config, Clock clock) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.config = config;
    this.clock = clock;
  }

  /** The key to sign with now (with its private part), rotated first if it is due. */
  synchronized ECKey current() {
    Instant now = Times.now(clock);
    ECKey key = signing;
    if (key != null && key.getIssueTime().toInstant().plus(config.keyRotation()).isAfter(now)) {
      return key;
    }
    Optional<Row> active = rows().stream().filter(row -> row.retired() == null).reduce((a, b) -> b);
    if (active.isPresent() && active.get().created().plus(config.keyRotation()).isAfter(now)) {
      signing = open(active.get());
      return signing;
    }
    return rotate();
  }

  /** Retires the signing key and starts signing with a new one; answers the new one. */
  public synchronized ECKey rotate() {
    Instant now = Times.now(clock);
    ECKey key;
    try {
      key =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyIDFromThumbprint(true)
              .issueTime(java.util.Date.from(now))
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an ES256 key", e);
    }
    String sealed =
        vault.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), context(key.getKeyID()));
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE oauth_signing_keys SET retired_at = :now WHERE retired_at IS NULL")
              .bind("now", now.toEpochMilli())
              .execute();
          handle
              .createUpdate(
                  "INSERT INTO oauth_signing_keys (kid, public_jwk, sealed_private, created_at)"
                      + " VALUES (:kid, :jwk, :sealed, :now)")
              .bind("kid", key.getKeyID())
              .bind("jwk", key.toPublicJWK().toJSONString())
              .bind("sealed", sealed)
              .bind("now", now.toEpochMilli())
              .execute();
        });
    signing = key;
    verifiers = null;
    return key;
  }

  /**
   * The public keys that verify tokens now: the signing one and those retired less than an access
   * token's lifetime ago (their tokens may still be in flight).
   */
  public JWKSet published() {
    Instant oldest = Times.now(clock).minus(config.accessTokenLifetime());
    List<com.nimbusds.jose.jwk.JWK> keys =
        rows().stream()
            .filter(row -> row.retired() == null || row.retired().isAfter(oldest))
            .map(row -> parse(row.publicJwk()))
            .map(com.nimbusds.jose.jwk.JWK.class::cast)
            .toList();
    return new JWKSet(keys);
  }

  /**
   * The published public key {@code kid}, if it still verifies. On the REST hot path: answered from
   * memory, read again from the database when the kid is unknown (another instance rotated) or the
   * copy is a minute old (another instance retired a key).
   */
  Optional<ECKey> verifying(String kid) {
    Instant now = Times.now(clock);
    Verifiers known = verifiers;
    if (known == null
        || !known.keys().containsKey(kid)
        || known.readAt().plusSeconds(60).isBefore(now)) {
      Map<String, Row> rows = new HashMap<>();
      rows().forEach(row -> rows.put(row.kid(), row));
      known = new Verifiers(rows, now, new ConcurrentHashMap<>());
      verifiers = known;
    }
    Row row = known.keys().get(kid);
    if (row == null
        || (row.retired() != null
            && !row.retired().isAfter(now.minus(config.accessTokenLifetime())))) {
      return Optional.empty();
    }
    return Optional.of(known.parsed().computeIfAbsent(kid, k -> parse(row.publicJwk())));
  }

  private record Verifiers(Map<String, Row> keys, Instant readAt, Map<String, ECKey> parsed) {}

  private volatile Verifiers verifiers;

  private List<Row> rows() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM oauth_signing_keys ORDER BY created_at, kid")
                .map(
                    (rs, ctx) -> {
                      long retired = rs.getLong("retired_at");
                      Instant retiredAt = rs.wasNull() ? null : Instant.ofEpochMilli(retired);
                      return new Row(
                          rs.getString("kid"),
                          rs.getString("public_jwk"),
                          rs.getString("sealed_private"),
                          Instant.ofEpochMilli(rs.getLong("created_at")),
                          retiredAt);
                    })
                .list());
  }

  private ECKey open(Row row) {
    byte[] json = vault.unseal(row.sealed(), context(row.kid()));
    ECKey key = parse(new String(json, StandardCharsets.UTF_8));
    // The stored JWK may lack an issue time; the row's creation time decides the rotation.
    try {
      return new ECKey.Builder(key).issueTime(java.util.Date.from(row.created())).build();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("signing key " + row.kid() + " is damaged", e);
    }
  }

  private static ECKey parse(String json) {
    try {
      return ECKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored signing key does not parse", e);
    }
  }

  // Binds each sealed key to its kid: a sealed value copied to another row does not open.
  private static String context(String kid) {
    return "oauth-signing-key:" + kid;
  }
}
