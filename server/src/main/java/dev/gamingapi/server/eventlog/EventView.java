package dev.gamingapi.server.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gamingapi.contract.subject.EventSubject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One stored event as the events routes show it.
 *
 * @param sequence its position in the tenant's log: the cursor to resume after
 * @param id its CloudEvents id
 * @param type its dotted type
 * @param server the game server that published it
 * @param player the player it is about, or null
 * @param time when it happened
 * @param data its data, as published
 */
public record EventView(
    long sequence,
    String id,
    String type,
    String server,
    String player,
    Instant time,
    JsonNode data) {

  // Reading a tree needs none of the API mapper's settings.
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Builds a view from a message's parts; a body that is not JSON is shown as a string. */
  public static EventView of(
      long sequence, EventSubject subject, String id, String time, byte[] body) {
    JsonNode data;
    try {
      data = body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      data = JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
    }
    Instant when = time == null ? null : OffsetDateTime.parse(time).toInstant();
    return new EventView(
        sequence, id, subject.type(), subject.serverId(), subject.playerId(), when, data);
  }

  /**
   * A page of events in log order.
   *
   * @param items the events
   * @param nextCursor the sequence to continue after, or null when the end of the log (as it was at
   *     the request) was reached
   */
  record Page(List<EventView> items, String nextCursor) {}
}
