package dev.gamingapi.server.oauth;

import dev.gamingapi.server.access.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random identifiers and secrets, and the hashes stored for secrets. A secret is 256 random bits,
 * so its SHA-256 is enough (as for API tokens, {@link Tokens}).
 */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** {@code prefix} and 43 base64url characters (256 bits): a secret to show once. */
  public static String secret(String prefix) {
    return prefix + random(32);
  }

  /** {@code prefix} and 22 base64url characters (128 bits): an identifier, not a secret. */
  public static String id(String prefix) {
    return prefix + random(16);
  }

  /** What is stored for {@code secret}: its SHA-256 in hex. */
  public static String hash(String secret) {
    return Tokens.hash(secret);
  }

  /** Compares in constant time, so that the time taken tells nothing about a guess. */
  public static boolean same(String expected, String given) {
    if (expected == null || given == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}
