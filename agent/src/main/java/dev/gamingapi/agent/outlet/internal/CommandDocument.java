package dev.gamingapi.agent.outlet.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.sdk.ReceivedCommand;
import java.time.Instant;

/**
 * A command as the HTTP and shell outlets hand it to a game server, one JSON shape for all of them:
 * {@code {"id", "name", "args", "delivery", "not_before", "expires_at"}} (absent times left out).
 *
 * @param id the command id, the same on every delivery: the key to make lasting effects idempotent
 * @param name the command name
 * @param args its arguments, a JSON object
 * @param delivery 1 the first time, more on retries
 * @param notBefore the time before which it was not run, or null
 * @param expiresAt the time after which it is not run, or null
 */
public record CommandDocument(
    String id, String name, JsonNode args, int delivery, Instant notBefore, Instant expiresAt) {
  /** The document of {@code command}. */
  public static CommandDocument of(ReceivedCommand command) {
    return new CommandDocument(
        command.id(),
        command.name(),
        command.args() == null ? ContractJson.mapper().createObjectNode() : command.args(),
        command.delivery(),
        command.notBefore(),
        command.expiresAt());
  }

  /** The JSON bytes. */
  public byte[] toJson() {
    try {
      return ContractJson.mapper().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a command as JSON", e);
    }
  }
}
