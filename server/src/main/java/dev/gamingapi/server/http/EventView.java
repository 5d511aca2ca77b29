package dev.gamingapi.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gamingapi.contract.subject.EventSubject;
import java.io.IOException;
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
record EventView(
    long sequence,
    String id,
    String type,
    String server,
    String player,
    Instant time,
    JsonNode data) {

  /** Builds a view from a message's parts; a body that is not JSON is shown as a string. */
  static EventView of(long sequence, EventSubject subject, String id, String time, byte[] body) {
    JsonNode data;
    try {
      data = body.length == 0 ? null : ApiJson.MAPPER.readTree(body);
    } catch (IOException notJson) {
      data =
          ApiJson.MAPPER
              .getNodeFactory()
              .textNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
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
