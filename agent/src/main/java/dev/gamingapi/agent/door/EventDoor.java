package dev.gamingapi.agent.door;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.sdk.FlushTimeoutException;
import dev.gamingapi.sdk.GameServerClient;
import dev.gamingapi.sdk.JournalFullException;
import dev.gamingapi.sdk.PayloadTooLargeException;
import java.time.Duration;
import java.util.List;

/**
 * What the HTTP door and standard input share: read a body of events, journal them through the
 * server's client, and answer with their ids or a problem.
 */
final class EventDoor {
  private final GameServerClient client;
  private final ServerCounters counters;

  EventDoor(GameServerClient client, ServerCounters counters) {
    this.client = client;
    this.counters = counters;
  }

  /**
   * The answer to {@code body}: 202 once every event is in the journal, 200 once the broker
   * acknowledged them when {@code waitForAck}, or a problem.
   */
  Answer submit(String body, boolean waitForAck) {
    List<Event> events;
    try {
      events = DoorEvents.read(client.serverId(), body);
    } catch (DoorEvents.Refused refused) {
      counters.increment(Counter.MALFORMED);
      return Answer.problem(refused.problem);
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    var ids = answer.putArray("ids");
    for (Event event : events) {
      try {
        ids.add(client.publish(event));
        counters.increment(Counter.EVENTS_PUBLISHED);
      } catch (PayloadTooLargeException e) {
        counters.increment(Counter.PUBLISH_FAILURES);
        return Answer.problem(
            new DoorProblem(
                413, "event-too-large", "Event too large", journaled(ids.size(), e), List.of()));
      } catch (JournalFullException e) {
        counters.increment(Counter.PUBLISH_FAILURES);
        return Answer.problem(
            new DoorProblem(
                503, "journal-full", "Journal full", journaled(ids.size(), e), List.of()));
      }
    }
    if (waitForAck) {
      try {
        client.flush(Duration.ofSeconds(10));
        return new Answer(200, "application/json", answer.toString());
      } catch (FlushTimeoutException e) {
        answer.put("pending", e.getMessage()); // journaled all the same: they will be sent
      }
    }
    return new Answer(202, "application/json", answer.toString());
  }

  private static String journaled(int count, Exception e) {
    return e.getMessage() + " (" + count + " earlier event(s) of this body were journaled)";
  }

  /** An HTTP answer: status, media type, body. */
  record Answer(int status, String contentType, String body) {
    static Answer problem(DoorProblem problem) {
      return new Answer(problem.status(), DoorProblem.CONTENT_TYPE, problem.toJson());
    }
  }
}
