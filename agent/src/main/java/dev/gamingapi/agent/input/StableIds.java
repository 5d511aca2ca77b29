package dev.gamingapi.agent.input;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids derived from where an event was read (server, input, file identity, offset, index), so
 * that a line read twice, after a crash or a restart, yields the same ids and the broker's
 * de-duplication stores it once. The id is a UUIDv8 (RFC 9562's custom version) built from a
 * SHA-256 of the key; readers accept any id.
 */
public final class StableIds {
  private StableIds() {}

  /** The id of the {@code index}-th event of the line at {@code key}. */
  public static String of(String key, int index) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest((key + "\n" + index).getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(hash);
      long high = (bytes.getLong() & ~0xF000L) | 0x8000L;
      long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
