package dev.gamingapi.cli.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the events of {@code events publish}: the one given by options, and each JSON line of
 * {@code --lines}, shaped as {@code events tail --json} prints them ({@code {"type", "server",
 * "player", "id", "time", "data"}}, a {@code sequence} ignored), so that a tail can be loaded
 * again. A key a line leaves out falls back to the option of that name; the data is checked by the
 * contract's own records, so nothing is refused here that the SDK would take, nor the reverse.
 */
final class EventLines {
  private static final Set<String> KEYS =
      Set.of("type", "server", "player", "id", "time", "data", "sequence");

  private EventLines() {}

  /**
   * What the options give to every event that does not say otherwise.
   *
   * @param type {@code --type}, or null
   * @param playerId {@code --player}, or null
   * @param serverId the server of the client: the only one its credential may publish for
   */
  record Defaults(String type, String playerId, String serverId) {}

  /**
   * The event of one line.
   *
   * @throws InvalidEventException naming the key at fault (the caller adds the line number)
   */
  static Event line(String text, Defaults defaults) {
    JsonNode node;
    try {
      node = ContractJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("not a JSON object: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidEventException("not a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new InvalidEventException(
            name + ": unknown key; a line has type, server, player, id, time and data");
      }
    }
    String type = text(node, "type", defaults.type());
    if (type == null) {
      throw new InvalidEventException("type: is required (in the line, or --type)");
    }
    String server = text(node, "server", defaults.serverId());
    if (!server.equals(defaults.serverId())) {
      // A creds file publishes for its own server only; another server's events need its creds.
      throw new InvalidEventException(
          "server: '"
              + server
              + "' is not the server of these creds ('"
              + defaults.serverId()
              + "'); publish its events with its own creds");
    }
    JsonNode data = node.has("data") ? node.get("data") : ContractJson.mapper().createObjectNode();
    if (!data.isObject()) {
      throw new InvalidEventException("data: must be a JSON object");
    }
    String id = text(node, "id", null);
    return event(
        id == null ? EventIds.next() : id,
        type,
        server,
        text(node, "player", defaults.playerId()),
        time(text(node, "time", null)),
        (ObjectNode) data);
  }

  /**
   * An event of {@code serverId}; {@code playerId} fills {@code player_id} in the data of a player
   * event that leaves it out.
   *
   * @throws InvalidEventException when the data does not fit the type, or names another player
   */
  static Event event(
      String id, String type, String serverId, String playerId, Instant time, ObjectNode data) {
    Scope scope = EventCatalog.resolve(type).scope();
    if (playerId != null && scope != Scope.SERVER && !data.has("player_id")) {
      data.put("player_id", playerId);
    }
    String player = data.hasNonNull("player_id") ? data.get("player_id").asText() : playerId;
    if (scope == Scope.EITHER) {
      player = playerId; // a custom event's player is its subject's; its data is free-form
    } else if (scope == Scope.PLAYER && playerId != null && !playerId.equals(player)) {
      throw new InvalidEventException(
          "player: '" + playerId + "' differs from data.player_id '" + player + "'");
    }
    EventData decoded =
        CloudEventsCodec.decodeData(type, player, data.toString().getBytes(StandardCharsets.UTF_8));
    return new Event(id, type, serverId, EventCatalog.playerOf(decoded), time, decoded);
  }

  private static Instant time(String text) {
    if (text == null) {
      return Instant.now();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(
          "time: '" + text + "' is not an RFC 3339 time like 2024-05-01T20:15:00Z");
    }
  }

  private static String text(JsonNode node, String key, String fallback) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new InvalidEventException(key + ": must be a non-empty string");
    }
    return value.asText();
  }
}
