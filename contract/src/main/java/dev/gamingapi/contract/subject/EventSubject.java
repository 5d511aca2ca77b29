package dev.gamingapi.contract.subject;

/**
 * The parts of an event subject: the server, the player ({@code null} for a server event) and the
 * dotted event type.
 */
public record EventSubject(String serverId, String playerId, String type) {}
