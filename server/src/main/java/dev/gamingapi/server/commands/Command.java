package dev.gamingapi.server.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A command sent to one game server, and what became of it.
 *
 * @param id the command's id (a UUIDv7, time ordered)
 * @param server the game server it is for
 * @param name the command
 * @param args its JSON object of arguments
 * @param status queued, delivered, succeeded, failed or expired
 * @param output the handler's JSON result, once succeeded
 * @param error the handler's error, once failed
 * @param attempts deliveries it took, once failed
 * @param idempotencyKey the sender's key, or null
 * @param notBefore not run before this time, or null
 * @param expiresAt not run after this time, or null
 * @param createdAt when it was sent
 * @param updatedAt when its status last changed
 */
public record Command(
    String id,
    String server,
    String name,
    JsonNode args,
    String status,
    JsonNode output,
    String error,
    Integer attempts,
    String idempotencyKey,
    Instant notBefore,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt) {

  /** This command with {@code status}. */
  Command withStatus(CommandStatus next) {
    return new Command(
        id,
        server,
        name,
        args,
        next.wire(),
        output,
        error,
        attempts,
        idempotencyKey,
        notBefore,
        expiresAt,
        createdAt,
        updatedAt);
  }
}
