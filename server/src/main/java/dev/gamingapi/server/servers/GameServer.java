package dev.gamingapi.server.servers;

import java.time.Instant;

/**
 * A game server registered in an account; game-server users are bound to one.
 *
 * @param id the server id of the event subjects
 * @param name a display name
 * @param createdAt when it was registered
 */
public record GameServer(String id, String name, Instant createdAt) {}
