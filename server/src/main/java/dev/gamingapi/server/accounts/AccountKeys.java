package dev.gamingapi.server.accounts;

/** The names under which an account's keys live in the key vault. */
final class AccountKeys {
  private AccountKeys() {}

  /** The account's identity key (its public key is the account id). */
  static String identity(String account) {
    return "account." + account;
  }

  /** The key that signs the account's users. */
  static String signing(String account) {
    return "account." + account + ".signing";
  }
}
