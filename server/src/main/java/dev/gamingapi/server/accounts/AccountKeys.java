package dev.gamingapi.server.accounts;

/**
 * The names under which an account's keys live in the key vault; public for the platform's backup,
 * which issues its own internal users of every tenant from a copy of the vault.
 */
public final class AccountKeys {
  private AccountKeys() {}

  /** The account's identity key (its public key is the account id). */
  public static String identity(String account) {
    return "account." + account;
  }

  /** The key that signs the account's users. */
  public static String signing(String account) {
    return "account." + account + ".signing";
  }
}
