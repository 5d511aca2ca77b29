package dev.gamingapi.server.access;

import dev.gamingapi.server.common.RecentValues;
import dev.gamingapi.server.keys.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform operator's API token: made on first start, written once to a file of mode 0600 and
 * stored only as a hash in the database.
 */
public final class OperatorToken {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorToken.class);
  private static final String SETTING = "operator_token_sha256";

  private final Jdbi jdbi;
  // Read for every request that carries a token. Another instance that issues a new token (its
  // file was gone at its start) is heard within a second.
  private final RecentValues<String, Optional<String>> recentHash =
      new RecentValues<>(Duration.ofSeconds(1), 1);

  public OperatorToken(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Makes sure an operator token exists and {@code file} holds it. A new token is made when there
   * is none yet or when the file is gone (the old token then stops working: its hash is replaced).
   */
  public void ensure(Path file) {
    if (storedHash().isPresent() && Files.exists(file)) {
      return;
    }
    if (storedHash().isPresent()) {
      LOG.warn("{} is missing: issuing a new operator token (the old one stops working)", file);
    }
    String token = Tokens.generate();
    try {
      Files.deleteIfExists(file);
      SecretFiles.writeNew(file, token + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the operator token to " + file, e);
    }
    jdbi.useTransaction(
        handle -> {
          handle
              .createUpdate("DELETE FROM settings WHERE name = :name")
              .bind("name", SETTING)
              .execute();
          handle
              .createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value)")
              .bind("name", SETTING)
              .bind("value", Tokens.hash(token))
              .execute();
        });
    recentHash.forgetAll();
  }

  /** Whether {@code token} is the operator's (compared in constant time). */
  public boolean matches(String token) {
    return matchesHash(Tokens.hash(token));
  }

  /**
   * Whether the token whose {@link Tokens#hash} is {@code tokenHash} is the operator's (compared in
   * constant time): for a caller that hashed the token once for every lookup.
   */
  public boolean matchesHash(String tokenHash) {
    return recentHash
        .get(SETTING, setting -> storedHash())
        .map(
            hash ->
                MessageDigest.isEqual(
                    hash.getBytes(StandardCharsets.US_ASCII),
                    tokenHash.getBytes(StandardCharsets.US_ASCII)))
        .orElse(false);
  }

  private Optional<String> storedHash() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT value FROM settings WHERE name = :name")
                .bind("name", SETTING)
                .mapTo(String.class)
                .findOne());
  }
}
