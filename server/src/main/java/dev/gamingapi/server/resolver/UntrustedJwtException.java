package dev.gamingapi.server.resolver;

import dev.gamingapi.server.PlatformException;

/**
 * A JWT about to be pushed is not signed by one of our operator signing keys.
 *
 * <p>nats-server 2.9.10 stores such a JWT anyway and only refuses the account's users after its
 * next restart, so the check must happen before the push.
 */
public final class UntrustedJwtException extends PlatformException {
  UntrustedJwtException(String message) {
    super(message);
  }
}
