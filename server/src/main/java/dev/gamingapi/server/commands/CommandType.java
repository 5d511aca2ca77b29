package dev.gamingapi.server.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A command name registered for one game server, with the JSON Schema its arguments must match.
 *
 * @param name the command
 * @param argsSchema a JSON Schema (draft 2020-12) of an object
 * @param createdAt when it was registered or last replaced
 */
public record CommandType(String name, JsonNode argsSchema, Instant createdAt) {}
