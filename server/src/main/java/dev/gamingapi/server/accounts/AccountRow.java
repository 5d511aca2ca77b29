package dev.gamingapi.server.accounts;

/**
 * An account as stored: the public view and the JWT last pushed, whose {@code iat} is the version
 * that guards against two writers (see {@link AccountJwts}).
 */
public record AccountRow(Account account, String jwt, long jwtIssuedAt) {
  String name() {
    return account.name();
  }
}
