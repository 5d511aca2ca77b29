package dev.gamingapi.server.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What a sender asks for; checked by {@link Commands#send}.
 *
 * @param name the command, 1 to 64 characters from a-z 0-9 _
 * @param args a JSON object of arguments, or null for none
 * @param ttlSeconds seconds from now after which it must not run, or null
 * @param notBefore do not run before this time, or null
 * @param expiresAt do not run after this time, or null (not with ttlSeconds)
 * @param idempotencyKey the same key for the same server queues the command once, or null
 */
public record CommandSpec(
    String name,
    JsonNode args,
    Long ttlSeconds,
    Instant notBefore,
    Instant expiresAt,
    String idempotencyKey) {}
