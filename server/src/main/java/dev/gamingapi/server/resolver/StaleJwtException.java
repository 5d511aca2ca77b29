package dev.gamingapi.server.resolver;

import dev.gamingapi.server.PlatformException;

/**
 * A JWT about to be pushed is older than the one the resolver holds.
 *
 * <p>The resolver keeps the last push even if it is older, so a slow or restarted writer could roll
 * an account back; refusing older JWTs keeps updates monotonic.
 */
public final class StaleJwtException extends PlatformException {
  StaleJwtException(String message) {
    super(message);
  }
}
