package dev.gamingapi.server.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nats.client.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Named NATS keys (operator, accounts, signing keys), with their seeds encrypted at rest.
 *
 * <p>The file ({@code keys.json}) holds only public keys and AES-GCM ciphertext. Each ciphertext is
 * bound to its entry name, so swapping two entries in the file makes decryption fail instead of
 * silently handing out the wrong key.
 */
public final class KeyVault {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;
  private final MasterKey masterKey;
  private final TreeMap<String, StoredKey> entries;

  /** One stored key: its public key and its encrypted seed (base64 of nonce + ciphertext). */
  record StoredKey(String publicKey, String sealedSeed) {}

  private KeyVault(Path file, MasterKey masterKey, TreeMap<String, StoredKey> entries) {
    this.file = file;
    this.masterKey = masterKey;
    this.entries = entries;
  }

  /**
   * Opens the vault stored in {@code file} (empty when the file does not exist yet).
   *
   * @throws WrongMasterKeyException if {@code masterKey} cannot decrypt the stored seeds
   */
  public static KeyVault open(Path file, MasterKey masterKey) {
    TreeMap<String, StoredKey> entries = new TreeMap<>();
    if (Files.exists(file)) {
      try {
        entries.putAll(
            JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, StoredKey>>() {}));
      } catch (IOException e) {
        throw new KeyVaultException("cannot read the key vault " + file, e);
      }
    }
    KeyVault vault = new KeyVault(file, masterKey, entries);
    // Fail at start, with a clear message, rather than on the first use of some key.
    entries.keySet().forEach(vault::get);
    return vault;
  }

  /** The key stored under {@code name}, if any. */
  public synchronized Optional<NKey> find(String name) {
    return entries.containsKey(name) ? Optional.of(get(name)) : Optional.empty();
  }

  /** The key stored under {@code name}, created (of {@code type}) and stored when missing. */
  public synchronized NKey getOrCreate(String name, NKey.Type type) {
    Optional<NKey> existing = find(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    NKey created = create(type);
    put(name, created);
    return created;
  }

  /** Forgets the key stored under {@code name} (an account's keys when it is deleted). */
  public synchronized void remove(String name) {
    StoredKey removed = entries.remove(name);
    if (removed == null) {
      return;
    }
    try {
      SecretFiles.replace(file, JSON.writeValueAsString(entries));
    } catch (IOException e) {
      entries.put(name, removed);
      throw new KeyVaultException("cannot write the key vault " + file, e);
    }
  }

  /** The public key stored under {@code name}, if any, without decrypting anything. */
  public synchronized Optional<String> publicKey(String name) {
    return Optional.ofNullable(entries.get(name)).map(StoredKey::publicKey);
  }

  private NKey get(String name) {
    StoredKey stored = entries.get(name);
    byte[] plain = masterKey.decrypt(Base64.getDecoder().decode(stored.sealedSeed()), name);
    NKey key = NKey.fromSeed(new String(plain, StandardCharsets.US_ASCII).toCharArray());
    if (!publicKeyOf(key).equals(stored.publicKey())) {
      throw new KeyVaultException(
          "key '" + name + "' in " + file + " does not match its public key");
    }
    return key;
  }

  private void put(String name, NKey key) {
    byte[] seed = new String(key.getSeed()).getBytes(StandardCharsets.US_ASCII);
    String sealed = Base64.getEncoder().encodeToString(masterKey.encrypt(seed, name));
    entries.put(name, new StoredKey(publicKeyOf(key), sealed));
    try {
      SecretFiles.replace(file, JSON.writeValueAsString(entries));
    } catch (IOException e) {
      entries.remove(name);
      throw new KeyVaultException("cannot write the key vault " + file, e);
    }
  }

  private static NKey create(NKey.Type type) {
    try {
      return switch (type) {
        case OPERATOR -> NKey.createOperator(RANDOM);
        case ACCOUNT -> NKey.createAccount(RANDOM);
        case USER -> NKey.createUser(RANDOM);
        default -> throw new IllegalArgumentException("the vault does not hold " + type + " keys");
      };
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyVaultException("cannot create a " + type + " key", e);
    }
  }

  /** The public key of {@code key} as a string. */
  public static String publicKeyOf(NKey key) {
    try {
      return new String(key.getPublicKey());
    } catch (IOException | GeneralSecurityException e) {
      throw new KeyVaultException("cannot derive a public key", e);
    }
  }

  /** A fresh user key, never stored: user keys are single-use by design. */
  public static NKey newUserKey() {
    return create(NKey.Type.USER);
  }
}
