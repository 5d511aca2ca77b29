package dev.gamingapi.server.keys;

import io.nats.client.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named NATS keys (operator, accounts, signing keys), with their seeds encrypted at rest.
 *
 * <p>The file ({@code keys.json}, with its journal: {@link VaultFile}) holds only public keys and
 * AES-GCM ciphertext. Each ciphertext is bound to its entry name, so swapping two entries in the
 * file makes decryption fail instead of silently handing out the wrong key.
 */
public final class KeyVault {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Storage storage;
  private final MasterKey masterKey;

  /**
   * One stored key: its public key and its encrypted seed (base64 of nonce + ciphertext).
   *
   * @param publicKey the key's public key
   * @param sealedSeed the seed, AES-GCM sealed under the master key and bound to the entry's name
   */
  public record StoredKey(String publicKey, String sealedSeed) {}

  /**
   * Where the vault's entries live: the {@code keys.json} file of one instance, or a database table
   * that several instances share.
   */
  public interface Storage {
    /** The entry {@code name}, if any; read where it lives, so another instance's are seen. */
    Optional<StoredKey> read(String name);

    /** Every entry's name. */
    Set<String> names();

    /**
     * Stores {@code key} under {@code name} unless an entry exists already.
     *
     * @return the entry now stored (another instance's, when it created one first)
     */
    StoredKey putIfAbsent(String name, StoredKey key);

    /** Removes the entry {@code name}, if any. */
    void remove(String name);
  }

  private KeyVault(Storage storage, MasterKey masterKey) {
    this.storage = storage;
    this.masterKey = masterKey;
  }

  /**
   * Opens the vault stored in {@code file} (empty when the file does not exist yet).
   *
   * @throws WrongMasterKeyException if {@code masterKey} cannot decrypt the stored seeds
   */
  public static KeyVault open(Path file, MasterKey masterKey) {
    return shared(new VaultFile(file), masterKey);
  }

  /**
   * Opens the vault in {@code storage} and checks that {@code masterKey} decrypts every entry.
   *
   * @throws WrongMasterKeyException if {@code masterKey} cannot decrypt the stored seeds
   */
  public static KeyVault shared(Storage storage, MasterKey masterKey) {
    KeyVault vault = new KeyVault(storage, masterKey);
    // Fail at start, with a clear message, rather than on the first use of some key.
    storage.names().forEach(name -> vault.get(name, storage.read(name).orElseThrow()));
    return vault;
  }

  /** The entries of the file {@code keys.json} (empty when absent), for moving them elsewhere. */
  public static Map<String, StoredKey> readFile(Path file) {
    return new VaultFile(file).entries();
  }

  /**
   * The files that hold the vault stored in {@code file} (it and its journal), in the order a copy
   * of a running instance's vault must take them to lose nothing; either may be missing.
   */
  public static List<Path> files(Path file) {
    return VaultFile.copyOrder(file);
  }

  /** The key stored under {@code name}, if any. */
  public synchronized Optional<NKey> find(String name) {
    return storage.read(name).map(stored -> get(name, stored));
  }

  /** The key stored under {@code name}, created (of {@code type}) and stored when missing. */
  public synchronized NKey getOrCreate(String name, NKey.Type type) {
    Optional<NKey> existing = find(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    NKey created = create(type);
    byte[] seed = new String(created.getSeed()).getBytes(StandardCharsets.US_ASCII);
    String sealed = Base64.getEncoder().encodeToString(masterKey.encrypt(seed, name));
    return get(name, storage.putIfAbsent(name, new StoredKey(publicKeyOf(created), sealed)));
  }

  /** Forgets the key stored under {@code name} (an account's keys when it is deleted). */
  public synchronized void remove(String name) {
    storage.remove(name);
  }

  /** Seals other secrets under the same master key. */
  public Secrets secrets() {
    return new Secrets(masterKey);
  }

  /** The public key stored under {@code name}, if any, without decrypting anything. */
  public synchronized Optional<String> publicKey(String name) {
    return storage.read(name).map(StoredKey::publicKey);
  }

  private NKey get(String name, StoredKey stored) {
    byte[] plain = masterKey.decrypt(Base64.getDecoder().decode(stored.sealedSeed()), name);
    NKey key = NKey.fromSeed(new String(plain, StandardCharsets.US_ASCII).toCharArray());
    if (!publicKeyOf(key).equals(stored.publicKey())) {
      throw new KeyVaultException("key '" + name + "' does not match its public key");
    }
    return key;
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

  /**
   * Seals {@code plain} under the master key, bound to {@code context} (base64 of nonce and AES-GCM
   * ciphertext): for secrets that are not NATS keys, such as OAuth signing keys, kept in the
   * database like the seeds.
   */
  public String seal(byte[] plain, String context) {
    return Base64.getEncoder().encodeToString(masterKey.encrypt(plain, context));
  }

  /**
   * Opens what {@link #seal} sealed with the same {@code context}.
   *
   * @throws WrongMasterKeyException when the master key or the context differ
   */
  public byte[] unseal(String sealed, String context) {
    return masterKey.decrypt(Base64.getDecoder().decode(sealed), context);
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
