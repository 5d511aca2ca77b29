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
 * @param maySendCommands whether it may send commands: an {@link UserKind#APP} if granted, to the
 *     servers it may read; an owner always; a game server never (what {@code /whoami} says too)
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
  /**
   * Copies the lists, and fixes {@code maySendCommands} by kind for owners and game servers: the
   * user view says what the user may do, like {@code /whoami}, whatever an older row stored (owners
   * were stored with false).
   */
  public User {
    servers = List.copyOf(servers);
    eventTypes = List.copyOf(eventTypes);
    maySendCommands =
        switch (kind) {
          case OWNER -> true;
          case GAME_SERVER -> false;
          case APP -> maySendCommands;
        };
  }

  /** Whether its credentials work at {@code now}. */
  public boolean isActive(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
