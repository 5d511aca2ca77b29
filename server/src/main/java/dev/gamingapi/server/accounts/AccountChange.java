package dev.gamingapi.server.accounts;

/** What happened to an account, as an {@link AccountListener} hears it. */
public enum AccountChange {
  /** Created and provisioned: its streams exist and its users can connect. */
  CREATED,
  /** Deleted with its streams, keys and rows. */
  DELETED
}
