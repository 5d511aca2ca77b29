package dev.gamingapi.contract.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.subject.Ids;
import java.io.IOException;
import java.time.Instant;

/**
 * The body of a command on {@code v1.servers.{server}.commands.{name}} (schema {@code Command} of
 * the AsyncAPI document).
 *
 * @param commandId the command's id (a UUIDv7), also its {@code Nats-Msg-Id}
 * @param name the command, the same as the subject's last token
 * @param args its JSON object of arguments, or null for none
 * @param notBefore do not run before this time, or null
 * @param expiresAt do not run after this time (report {@code command.expired}), or null
 */
public record CommandMessage(
    String commandId, String name, JsonNode args, Instant notBefore, Instant expiresAt) {
  /** Checks the id and name. */
  public CommandMessage {
    if (commandId == null || commandId.isBlank()) {
      throw new ContractException("command_id is required");
    }
    Ids.name("command name", name);
  }

  /** Whether the command's time to live has passed at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** The JSON body. */
  public byte[] toJson() {
    try {
      return ContractJson.mapper().writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a command", e);
    }
  }

  /**
   * Reads a command body.
   *
   * @throws ContractException when it is not a command
   */
  public static CommandMessage parse(byte[] json) {
    try {
      CommandMessage message = ContractJson.mapper().readValue(json, CommandMessage.class);
      if (message == null) {
        throw new ContractException("a command body must be a JSON object");
      }
      return message;
    } catch (IOException e) {
      throw new ContractException("not a command: " + e.getMessage());
    }
  }
}
