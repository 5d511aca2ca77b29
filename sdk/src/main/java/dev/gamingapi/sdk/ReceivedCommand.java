package dev.gamingapi.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A command as a handler receives it.
 *
 * @param id the command's id, the same on every delivery
 * @param name the command
 * @param args its JSON object of arguments (empty when none)
 * @param delivery which delivery this is: 1 the first time, more on retries
 * @param notBefore the time before which it was not run, or null
 * @param expiresAt the time after which it is not run, or null
 */
public record ReceivedCommand(
    String id, String name, JsonNode args, int delivery, Instant notBefore, Instant expiresAt) {}
