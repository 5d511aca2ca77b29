package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A command as the platform tracks it.
 *
 * @param id its id, for {@link CommandSender#get}
 * @param server the game server it is for
 * @param name its name
 * @param status queued, delivered, succeeded, failed or expired
 * @param output the handler's JSON output once succeeded, else null
 * @param error the handler's error once failed, else null
 * @param queuedNow true when this send queued it; false when the idempotency key found a command
 *     sent earlier (nothing was queued again); false from {@link CommandSender#get}
 */
public record SentCommand(
    String id,
    String server,
    String name,
    String status,
    JsonNode output,
    String error,
    boolean queuedNow) {}
