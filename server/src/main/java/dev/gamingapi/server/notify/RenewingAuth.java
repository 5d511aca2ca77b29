package dev.gamingapi.server.notify;

import io.nats.client.AuthHandler;
import java.util.function.Supplier;

/**
 * Credentials of an internal user that are issued afresh at every (re)connect. The platform's
 * internal users are short-lived; a long-lived connection would otherwise be unable to reconnect
 * once its JWT expired (the broker closes the connection at expiry, and the reconnect then gets new
 * credentials). jnats asks {@code getID}, then {@code sign}, then {@code getJWT} at each connect,
 * so the new credentials are taken at {@code getID}.
 */
final class RenewingAuth implements AuthHandler {
  private final Supplier<AuthHandler> issue;
  private volatile AuthHandler current;

  RenewingAuth(Supplier<AuthHandler> issue) {
    this.issue = issue;
  }

  @Override
  public char[] getID() {
    current = issue.get();
    return current.getID();
  }

  @Override
  public byte[] sign(byte[] nonce) {
    return handler().sign(nonce);
  }

  @Override
  public char[] getJWT() {
    return handler().getJWT();
  }

  private AuthHandler handler() {
    AuthHandler handler = current;
    if (handler == null) {
      handler = issue.get();
      current = handler;
    }
    return handler;
  }
}
