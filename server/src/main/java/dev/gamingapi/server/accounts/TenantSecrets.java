package dev.gamingapi.server.accounts;

import dev.gamingapi.server.keys.Secrets;

/**
 * Seals what tenants give the platform to keep secret (webhook signing secrets, Discord webhook
 * URLs) under the master key, for the packages that store them (see {@link Secrets}).
 */
public final class TenantSecrets {
  private final Secrets secrets;

  TenantSecrets(Secrets secrets) {
    this.secrets = secrets;
  }

  /** {@code plain} sealed for {@code context} (the owner's id and field); null stays null. */
  public String seal(String plain, String context) {
    return secrets.seal(plain, context);
  }

  /** What {@link #seal} sealed for {@code context}; a value written before sealing as it is. */
  public String open(String stored, String context) {
    return secrets.open(stored, context);
  }

  /** Whether {@code stored} is sealed (or null), else written before sealing. */
  public static boolean isSealed(String stored) {
    return Secrets.isSealed(stored);
  }
}
