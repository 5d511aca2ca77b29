package dev.gamingapi.server.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES-GCM key that encrypts seeds at rest.
 *
 * <p>It comes from configuration ({@code GAMINGAPI_MASTER_KEY}, base64) or from a key file that is
 * generated once with mode 0600. The file is never regenerated when a vault already exists: a new
 * key would silently orphan every stored seed.
 */
public final class MasterKey {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String origin;

  private MasterKey(byte[] raw, String origin) {
    if (raw.length != KEY_BYTES) {
      throw new KeyVaultException(
          "the master key from " + origin + " must be 32 bytes (base64), got " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
    this.origin = origin;
  }

  /** The key given as base64 in configuration. */
  public static MasterKey fromBase64(String base64, String origin) {
    try {
      return new MasterKey(Base64.getDecoder().decode(base64.strip()), origin);
    } catch (IllegalArgumentException e) {
      throw new KeyVaultException("the master key from " + origin + " is not valid base64", e);
    }
  }

  /**
   * The key stored in {@code file}, generated (mode 0600) when the file does not exist yet.
   *
   * @param mayCreate false when encrypted data already exists, so a missing file is an error
   */
  public static MasterKey fromFile(Path file, boolean mayCreate) {
    try {
      if (!Files.exists(file)) {
        if (!mayCreate) {
          throw new KeyVaultException(
              file
                  + " is missing but encrypted keys exist: restore the file or set"
                  + " GAMINGAPI_MASTER_KEY to the key they were written with");
        }
        byte[] raw = new byte[KEY_BYTES];
        RANDOM.nextBytes(raw);
        SecretFiles.writeNew(file, Base64.getEncoder().encodeToString(raw) + "\n");
      }
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    } catch (FileAlreadyExistsException raced) {
      return fromFile(file, false);
    } catch (IOException e) {
      throw new KeyVaultException("cannot read or create the master key file " + file, e);
    }
  }

  /** A fresh random key, for tests and tools. */
  public static String generateBase64() {
    byte[] raw = new byte[KEY_BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getEncoder().encodeToString(raw);
  }

  /** Encrypts {@code plain}; {@code context} is bound to the ciphertext (AAD). */
  byte[] encrypt(byte[] plain, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new KeyVaultException("AES-GCM encryption failed", e);
    }
  }

  /** Decrypts what {@link #encrypt} produced with the same {@code context}. */
  byte[] decrypt(byte[] nonceAndCiphertext, String context) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          key,
          new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(
          nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new WrongMasterKeyException(
          "cannot decrypt key '"
              + context
              + "' with the master key from "
              + origin
              + ": it is not the key the vault was written with (or the vault was tampered with)",
          e);
    } catch (GeneralSecurityException e) {
      throw new KeyVaultException("AES-GCM decryption failed for key '" + context + "'", e);
    }
  }

  /** Where the key came from, for messages. */
  public String origin() {
    return origin;
  }
}
