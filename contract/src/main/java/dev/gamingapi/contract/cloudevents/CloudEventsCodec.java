package dev.gamingapi.contract.cloudevents;

import static dev.gamingapi.contract.cloudevents.CloudEventHeaders.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.ContractJson;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventType;
import dev.gamingapi.contract.event.InvalidEventException;
import dev.gamingapi.contract.event.UnknownEventData;
import dev.gamingapi.contract.subject.EventSubject;
import dev.gamingapi.contract.subject.Subjects;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * CloudEvents 1.0 in binary mode over NATS: the attributes travel as {@code ce-*} headers, the body
 * is the event's data as snake_case JSON. Independent of any NATS client: headers are a map when
 * writing and a lookup function when reading.
 */
public final class CloudEventsCodec {
  private static final ObjectMapper MAPPER = ContractJson.mapper();

  private CloudEventsCodec() {}

  /** The subject, headers and body of {@code event}. */
  public static EncodedEvent encode(Event event) {
    String subject = Subjects.event(event.serverId(), event.playerId(), event.type());
    Map<String, String> headers = new LinkedHashMap<>(12);
    headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
    headers.put(ID, event.id());
    headers.put(SOURCE, event.source());
    headers.put(TYPE, event.type());
    headers.put(TIME, event.time().toString());
    if (event.playerId() != null) {
      headers.put(SUBJECT, event.playerId());
    }
    headers.put(CONTENT_TYPE, JSON);
    headers.put(NATS_MSG_ID, event.id());
    return new EncodedEvent(subject, headers, encodeData(event.data()));
  }

  /** The JSON body of {@code data}. */
  public static byte[] encodeData(EventData data) {
    try {
      return switch (data) {
        case CustomEvent custom -> MAPPER.writeValueAsBytes(custom.data());
        case UnknownEventData unknown -> unknown.json().clone();
        default -> MAPPER.writeValueAsBytes(data);
      };
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("cannot write event data as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an event from the wire, checking that headers and subject agree.
   *
   * @param header looks up a header's first value by name, {@code null} when absent
   * @throws ContractException naming what is missing or inconsistent
   */
  public static Event decode(String subject, Function<String, String> header, byte[] body) {
    EventSubject parts = Subjects.parseEvent(subject);
    String version = header.apply(SPEC_VERSION);
    if (!SPEC_VERSION_1_0.equals(version)) {
      throw new InvalidEventException("unsupported ce-specversion '" + version + "'");
    }
    String type = required(header, TYPE);
    if (!type.equals(parts.type())) {
      throw new InvalidEventException(
          "ce-type '" + type + "' does not match subject '" + subject + "'");
    }
    String source = required(header, SOURCE);
    if (!source.equals("/servers/" + parts.serverId())) {
      throw new InvalidEventException(
          "ce-source '" + source + "' does not match subject '" + subject + "'");
    }
    if (!Objects.equals(header.apply(SUBJECT), parts.playerId())) {
      throw new InvalidEventException(
          "ce-subject '" + header.apply(SUBJECT) + "' does not match subject '" + subject + "'");
    }
    EventData data = decodeData(type, parts.playerId(), body);
    return new Event(
        required(header, ID),
        type,
        parts.serverId(),
        parts.playerId(),
        parseTime(required(header, TIME)),
        data);
  }

  /**
   * Reads the data of an event of {@code type}: a catalog record, a {@link CustomEvent}, or {@link
   * UnknownEventData} for a type this version does not know.
   *
   * @throws InvalidEventException when the body does not fit the type's schema
   */
  public static EventData decodeData(String type, String playerId, byte[] body) {
    Optional<EventType> known = EventCatalog.find(type);
    try {
      if (known.isPresent()) {
        EventData data = MAPPER.readValue(body, known.get().dataClass());
        if (data == null) {
          throw new InvalidEventException("bad " + type + " data: the body must be a JSON object");
        }
        String bodyPlayer = EventCatalog.playerOf(data);
        if (!Objects.equals(bodyPlayer, playerId)) {
          throw new InvalidEventException(
              "player_id '" + bodyPlayer + "' does not match the subject's '" + playerId + "'");
        }
        return data;
      }
      if (EventCatalog.isCustom(type)) {
        JsonNode tree = MAPPER.readTree(body);
        return new CustomEvent(type.substring(EventCatalog.CUSTOM_PREFIX.length()), playerId, tree);
      }
      return new UnknownEventData(type, body.clone());
    } catch (IOException e) {
      throw new InvalidEventException("bad " + type + " data: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause instanceof ContractException) {
        return cause.getMessage();
      }
    }
    return e.getMessage().lines().findFirst().orElse("");
  }

  private static String required(Function<String, String> header, String name) {
    String value = header.apply(name);
    if (value == null || value.isEmpty()) {
      throw new InvalidEventException("header '" + name + "' is missing");
    }
    return value;
  }

  private static Instant parseTime(String time) {
    try {
      return Rfc3339.parse(time);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException("ce-time '" + time + "' is not an RFC 3339 time");
    }
  }
}
