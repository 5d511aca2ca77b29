package dev.gamingapi.server.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Secrets other than seeds (webhook signing secrets, Discord webhook URLs, whose last segment is a
 * token) sealed at rest like the seeds: AES-GCM under the master key, bound to a context (the
 * owner's id and the field), so that a sealed value copied to another row does not open there.
 *
 * <p>A sealed value reads {@value #PREFIX} and base64 of nonce and ciphertext; a value without the
 * prefix was written before sealing and is read as it is (and sealed when next written).
 */
public final class Secrets {
  static final String PREFIX = "sealed:v1:";

  private final MasterKey masterKey;

  Secrets(MasterKey masterKey) {
    this.masterKey = masterKey;
  }

  /** {@code plain} sealed for {@code context}; null stays null. */
  public String seal(String plain, String context) {
    if (plain == null) {
      return null;
    }
    byte[] sealed = masterKey.encrypt(plain.getBytes(StandardCharsets.UTF_8), context);
    return PREFIX + Base64.getEncoder().encodeToString(sealed);
  }

  /**
   * What {@link #seal} sealed for {@code context}; a value that is not sealed as it is.
   *
   * @throws WrongMasterKeyException if it was sealed under another key or for another context
   */
  public String open(String stored, String context) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    return new String(masterKey.decrypt(sealed, context), StandardCharsets.UTF_8);
  }

  /** Whether {@code stored} is sealed (else written before sealing). */
  public static boolean isSealed(String stored) {
    return stored == null || stored.startsWith(PREFIX);
  }
}
