package dev.gamingapi.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.cloudevents.CloudEventHeaders;
import dev.gamingapi.contract.subject.EventSubject;
import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.Message;
import java.time.Instant;

/**
 * An event as notifications see it.
 *
 * @param seq its sequence in the tenant's {@code EVENTS} stream; 0 for events the notifier made
 *     itself (a test, {@code server.unresponsive}), which are not in the log
 * @param id the event id ({@code ce-id})
 * @param type the event type
 * @param server the game server
 * @param player the player id, or null for a server event
 * @param time when it happened
 * @param data the event's data (a JSON object)
 */
public record NotifyEvent(
    long seq, String id, String type, String server, String player, Instant time, JsonNode data) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The event in {@code message} (sequence {@code seq} of the stream), or null when its subject is
   * not an event subject. A body that is not a JSON object reads as an empty one: a notification
   * about a malformed event is better than none.
   */
  static NotifyEvent from(Message message, long seq) {
    EventSubject subject;
    try {
      subject = Subjects.parseEvent(message.getSubject());
    } catch (RuntimeException e) {
      return null;
    }
    String id = header(message, CloudEventHeaders.ID, "seq-" + seq);
    Instant time;
    try {
      time = Instant.parse(header(message, CloudEventHeaders.TIME, ""));
    } catch (RuntimeException e) {
      time = Instant.now();
    }
    JsonNode data;
    try {
      data = JSON.readTree(message.getData());
    } catch (Exception e) {
      data = null;
    }
    if (data == null || !data.isObject()) {
      data = JsonNodeFactory.instance.objectNode();
    }
    return new NotifyEvent(
        seq, id, subject.type(), subject.serverId(), subject.playerId(), time, data);
  }

  private static String header(Message message, String name, String fallback) {
    if (message.getHeaders() == null) {
      return fallback;
    }
    String value = message.getHeaders().getFirst(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
