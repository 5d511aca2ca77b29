package dev.gamingapi.server.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.command.CommandMessage;
import dev.gamingapi.contract.subject.Ids;
import dev.gamingapi.contract.subject.InvalidIdException;
import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Times;
import dev.gamingapi.server.tenancy.TenancyServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Checks what a sender asks for, naming the first bad field; nothing is queued before it passes.
 */
final class CommandChecks {
  /** The longest time to live: a command older than this is not what its sender meant any more. */
  static final Duration MAX_TTL = Duration.ofDays(30);

  private static final int MAX_KEY = 128;
  // Room for the subject and headers next to the body in the broker's max payload.
  private static final int HEADROOM = 512;

  private final TenancyServices tenancy;
  private final Clock clock;

  CommandChecks(TenancyServices tenancy, Clock clock) {
    this.tenancy = tenancy;
    this.clock = clock;
  }

  String name(String name) {
    if (name == null) {
      throw new InvalidRequestException("name", "is required: the command, e.g. kick");
    }
    try {
      return Ids.name("command name", name);
    } catch (InvalidIdException e) {
      throw new InvalidRequestException("name", e.getMessage());
    }
  }

  CommandMessage message(String account, String id, CommandSpec spec) {
    String name = name(spec.name());
    JsonNode args =
        spec.args() == null || spec.args().isNull()
            ? JsonNodeFactory.instance.objectNode()
            : spec.args();
    if (!args.isObject()) {
      throw new InvalidRequestException(
          "args", "must be a JSON object, got " + args.getNodeType().toString().toLowerCase());
    }
    // Milliseconds, as the database keeps them: what the send answers is what a later read shows.
    Instant now = Times.now(clock);
    Instant expiresAt = millis(spec.expiresAt());
    if (spec.ttlSeconds() != null) {
      if (expiresAt != null) {
        throw new InvalidRequestException("ttl_seconds", "cannot be given with expires_at");
      }
      long ttl = spec.ttlSeconds();
      if (ttl < 1 || ttl > MAX_TTL.toSeconds()) {
        throw new InvalidRequestException(
            "ttl_seconds", "must be 1 to " + MAX_TTL.toSeconds() + " seconds, got " + ttl);
      }
      expiresAt = now.plusSeconds(ttl);
    } else if (expiresAt != null) {
      if (!expiresAt.isAfter(now)) {
        throw new InvalidRequestException("expires_at", "is in the past: " + expiresAt);
      }
      if (expiresAt.isAfter(now.plus(MAX_TTL))) {
        throw new InvalidRequestException("expires_at", "must be within 30 days");
      }
    }
    Instant notBefore = millis(spec.notBefore());
    if (notBefore != null && expiresAt != null && !notBefore.isBefore(expiresAt)) {
      throw new InvalidRequestException(
          "not_before", "must be before the command expires (" + expiresAt + ")");
    }
    String key = spec.idempotencyKey();
    if (key != null
        && (key.isEmpty()
            || key.length() > MAX_KEY
            || key.chars().anyMatch(Character::isISOControl))) {
      throw new InvalidRequestException(
          "idempotency_key", "must be 1 to " + MAX_KEY + " characters without tenancy characters");
    }
    CommandMessage message = new CommandMessage(id, name, args, notBefore, expiresAt);
    long max = tenancy.accounts().planOf(account).maxPayload();
    int size = message.toJson().length + HEADROOM;
    if (size > max) {
      throw new CommandTooLargeException(
          "the command is " + size + " bytes with its headers; this account's limit is " + max);
    }
    return message;
  }

  private static Instant millis(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
  }
}
