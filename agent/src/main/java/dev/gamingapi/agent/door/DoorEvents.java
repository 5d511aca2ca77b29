package dev.gamingapi.agent.door;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the events posted to the door or piped to standard input: one JSON object, or JSON lines,
 * each {@code {"type": "player.connected", "data": {...}, "id": "...", "time": "..."}} ({@code id}
 * and {@code time} optional; a given id makes a retried post stored once). The data is checked by
 * the contract's own records, so the door refuses exactly what the SDK refuses, with the field
 * named.
 */
final class DoorEvents {
  private static final ObjectMapper MAPPER = ContractJson.mapper();
  private static final Set<String> KEYS = Set.of("type", "data", "id", "time");
  private static final Pattern QUOTED_FIELD = Pattern.compile("^'([a-z_]+)'");

  private DoorEvents() {}

  /** A bad event, with the problem to answer. */
  static final class Refused extends Exception {
    final DoorProblem problem;

    Refused(DoorProblem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }
  }

  /** Every event of {@code body}; the first bad one refuses the whole body. */
  static List<Event> read(String serverId, String body) throws Refused {
    List<Event> events = new ArrayList<>();
    List<String> lines =
        body.strip().startsWith("{") && isOneObject(body) ? List.of(body) : body.lines().toList();
    int number = 0;
    for (String line : lines) {
      number++;
      if (!line.isBlank()) {
        events.add(one(serverId, line, number));
      }
    }
    if (events.isEmpty()) {
      throw new Refused(DoorProblem.invalid(1, "body", "holds no event"));
    }
    return events;
  }

  private static boolean isOneObject(String body) {
    try {
      // A pretty-printed object spans lines; JSON lines are several values, refused here.
      MAPPER
          .readerFor(JsonNode.class)
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readValue(body);
      return true;
    } catch (JsonProcessingException e) {
      return false; // several objects: JSON lines
    }
  }

  static Event one(String serverId, String text, int line) throws Refused {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Refused(
          DoorProblem.invalid(line, "body", "is not JSON: " + e.getOriginalMessage()));
    }
    if (node == null || !node.isObject()) {
      throw new Refused(DoorProblem.invalid(line, "body", "must be a JSON object"));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new Refused(
            DoorProblem.invalid(line, name, "unknown field; expected type, data, id, time"));
      }
    }
    String type = text(node, "type", line, true);
    String id = text(node, "id", line, false);
    String timeText = text(node, "time", line, false);
    JsonNode data = node.get("data");
    if (data == null || !data.isObject()) {
      throw new Refused(DoorProblem.invalid(line, "data", "is required and must be a JSON object"));
    }
    try {
      EventCatalog.resolve(type);
    } catch (ContractException e) {
      throw new Refused(DoorProblem.invalid(line, "type", e.getMessage()));
    }
    Instant time;
    try {
      time =
          timeText == null ? Instant.now() : java.time.OffsetDateTime.parse(timeText).toInstant();
    } catch (RuntimeException e) {
      throw new Refused(
          DoorProblem.invalid(line, "time", "'" + timeText + "' is not an RFC 3339 time"));
    }
    JsonNode player = data.get("player_id");
    String playerId = player != null && player.isTextual() ? player.asText() : null;
    try {
      EventData decoded =
          CloudEventsCodec.decodeData(type, playerId, MAPPER.writeValueAsBytes(data));
      return new Event(
          id == null ? EventIds.next() : id,
          type,
          serverId,
          EventCatalog.playerOf(decoded),
          time,
          decoded);
    } catch (ContractException | JsonProcessingException e) {
      throw new Refused(DoorProblem.invalid(line, fieldOf(e.getMessage()), e.getMessage()));
    }
  }

  private static String text(JsonNode node, String key, int line, boolean required) throws Refused {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      if (required) {
        throw new Refused(DoorProblem.invalid(line, key, "is required"));
      }
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > 256) {
      throw new Refused(DoorProblem.invalid(line, key, "must be a non-empty string"));
    }
    return value.asText();
  }

  /** The contract's messages start with the field: {@code 'player_id' is 'a b': ...}. */
  private static String fieldOf(String message) {
    String text = message == null ? "" : message.replaceFirst("^bad [a-z._]+ data: ", "");
    Matcher quoted = QUOTED_FIELD.matcher(text);
    if (quoted.find()) {
      return "data." + quoted.group(1);
    }
    Matcher named = Pattern.compile("^([a-z_]+) '").matcher(text);
    return named.find() ? "data." + named.group(1) : "data";
  }
}
