package dev.gamingapi.server.jwt;

import io.nats.client.AuthHandler;
import io.nats.client.Nats;
import io.nats.client.support.JwtUtils;

/**
 * A user JWT with the seed of its (fresh) user key: what a NATS client needs to connect.
 *
 * @param jwt the user JWT
 * @param seed the user's private seed; a secret
 * @param publicKey the user's public key
 */
public record UserCreds(String jwt, String seed, String publicKey) {

  /** The text of a {@code .creds} file. */
  public String text() {
    return String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, seed);
  }

  /** An auth handler that connects with these creds from memory, without touching the disk. */
  public AuthHandler authHandler() {
    return Nats.staticCredentials(jwt.toCharArray(), seed.toCharArray());
  }

  /** Keeps the seed out of logs. */
  @Override
  public String toString() {
    return "UserCreds[publicKey=" + publicKey + "]";
  }
}
