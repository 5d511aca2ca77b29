package dev.gamingapi.server.accounts;

/**
 * Hears accounts created and deleted ({@link Accounts#onChange}), on the thread that made the
 * change: capabilities that keep something per tenant (consumers, subscriptions, connections) start
 * and stop it there.
 */
@FunctionalInterface
public interface AccountListener {
  /** {@code account} was just created or deleted; must not throw. */
  void changed(Account account, AccountChange change);
}
