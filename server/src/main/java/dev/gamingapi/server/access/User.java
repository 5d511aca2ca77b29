package dev.gamingapi.server.access;

import java.time.Instant;
import java.util.List;

/**
 * A user of a tenant: a person, a game server or a third-party app, with one NATS credential and
 * one API token of the same scope. Secrets are not part of it: they are shown once, in {@link
 * IssuedCredentials}.
 *
 * @param name unique in its account
 * @param kind what it may do
 * @param server the server a {@link UserKind#GAME_SERVER} user is bound to, else null
 * @param servers the servers an {@link UserKind#APP} may read (empty: all)
 * @param eventTypes the event types an {@link UserKind#APP} may read (empty: all); a type may end
 *     in {@code .*}
 * @param maySendCommands whether an {@link UserKind#APP} may send commands to the servers it may
 *     read; always false for other kinds (owners may anyway, game servers never)
 * @param natsPublicKey the public key of its current NATS credential
 * @param createdAt when it was created
 * @param expiresAt when its credentials stop working, or null
 * @param revokedAt when it was revoked, or null
 */
public record User(
    String name,
    UserKind kind,
    String server,
    List<String> servers,
    List<String> eventTypes,
    boolean maySendCommands,
    String natsPublicKey,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt) {
  /** Copies the lists. */
  public User {
    servers = List.copyOf(servers);
    eventTypes = List.copyOf(eventTypes);
  }

  /** Whether its credentials work at {@code now}. */
  public boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
