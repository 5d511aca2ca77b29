package dev.gamingapi.server.http;

import dev.gamingapi.server.access.User;
import dev.gamingapi.server.access.UserKind;
import dev.gamingapi.server.audit.Actor;

/**
 * Who sent a request: the operator, or a user of one account. Every route asks it before touching
 * an account. A user of another tenant is told the account does not exist (404), never that it is
 * forbidden, so that tenants cannot probe each other's names.
 *
 * @param account the user's account; null for the operator
 * @param user the user; null for the operator
 */
record Caller(String account, User user) {
  static final Caller OPERATOR = new Caller(null, null);

  boolean isOperator() {
    return user == null;
  }

  /** Passes when the caller may see {@code name} at all. */
  void requireAccount(String name) {
    if (!isOperator() && !account.equals(name)) {
      throw ApiException.notFound("account '" + name + "' does not exist");
    }
  }

  /** Reading: the operator, an owner or an app of the account. */
  void requireReader(String name) {
    requireAccount(name);
    if (!isOperator() && user.kind() == UserKind.GAME_SERVER) {
      throw ApiException.forbidden("a game_server user may only read its own server");
    }
  }

  /** Changing things inside the account: the operator or an owner. */
  void requireOwner(String name) {
    requireAccount(name);
    if (!isOperator() && user.kind() != UserKind.OWNER) {
      throw ApiException.forbidden("only an owner of " + name + " or the operator may do this");
    }
  }

  /** Platform-wide changes (accounts, plans): the operator only. */
  void requireOperator(String name) {
    if (name != null) {
      requireAccount(name);
    }
    if (!isOperator()) {
      throw ApiException.forbidden("only the platform operator may do this");
    }
  }

  /** Who this is in the audit log. */
  Actor actor(String remoteAddress) {
    return new Actor(isOperator() ? "operator" : "user:" + user.name(), remoteAddress);
  }
}
