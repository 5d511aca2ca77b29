package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An event as notifications see it.
 *
 * @param seq its sequence in the tenant's {@code EVENTS} stream; 0 for events the notifier made
 *     itself (a test, {@code server.unresponsive}), which are not in the log
 * @param id the event id ({@code ce-id})
 * @param type the event type
 * @param server the game server
 * @param player the player id, or null for a server event
 * @param time when it happened
 * @param data the event's data (a JSON object)
 */
public record NotifyEvent(
    long seq, String id, String type, String server, String player, Instant time, JsonNode data) {}
