package dev.gamingapi.server.cluster;

import dev.gamingapi.server.keys.KeyVault;
import dev.gamingapi.server.keys.KeyVault.StoredKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * The key vault in the database ({@code vault_keys}), shared by every instance: a tenant created
 * through one instance is signed for by any other. Read through on every use, never cached, so a
 * key removed or created elsewhere is seen at once. Seeds stay sealed under the master key, which
 * every instance must therefore share ({@code GAMINGAPI_MASTER_KEY}).
 */
public final class SharedKeys implements KeyVault.Storage {
  private final Jdbi jdbi;

  /** The vault table of the database behind {@code jdbi}. */
  public SharedKeys(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Copies the entries of an instance's former {@code keys.json} that the table lacks (an
   * installation moving to several instances keeps its operator and tenants' keys).
   *
   * @return how many entries were copied
   */
  public int importMissing(Map<String, StoredKey> entries) {
    int copied = 0;
    for (Map.Entry<String, StoredKey> entry : entries.entrySet()) {
      if (read(entry.getKey()).isEmpty()) {
        putIfAbsent(entry.getKey(), entry.getValue());
        copied++;
      }
    }
    return copied;
  }

  @Override
  public Optional<StoredKey> read(String name) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT public_key, sealed_seed FROM vault_keys WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new StoredKey(rs.getString(1), rs.getString(2)))
                .findOne());
  }

  @Override
  public Set<String> names() {
    return jdbi.withHandle(
        handle ->
            new TreeSet<>(
                handle.createQuery("SELECT name FROM vault_keys").mapTo(String.class).list()));
  }

  @Override
  public StoredKey putIfAbsent(String name, StoredKey key) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO vault_keys (name, public_key, sealed_seed)"
                        + " VALUES (:name, :public, :sealed) ON CONFLICT (name) DO NOTHING")
                .bind("name", name)
                .bind("public", key.publicKey())
                .bind("sealed", key.sealedSeed())
                .execute());
    return read(name).orElseThrow();
  }

  @Override
  public void remove(String name) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM vault_keys WHERE name = :name")
                .bind("name", name)
                .execute());
  }
}
