package dev.gamingapi.agent.tail;

import dev.gamingapi.agent.input.EventSink;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.contract.event.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the journal and the broker together: keeps every event handed to it, and like the
 * broker's de-duplication, stores each id once.
 */
final class CollectingSink implements EventSink {
  private final List<Event> received = new ArrayList<>();
  private final Map<String, Event> stored = new LinkedHashMap<>();

  @Override
  public synchronized String publish(Event event) {
    received.add(event);
    Event earlier = stored.putIfAbsent(event.id(), event);
    if (earlier != null && !lineOf(earlier).equals(lineOf(event))) {
      throw new AssertionError(
          "id " + event.id() + " reused for a different line: " + lineOf(event));
    }
    return event.id();
  }

  /** The lines stored, once per id, in the order first received. */
  synchronized List<String> storedLines() {
    return stored.values().stream().map(CollectingSink::lineOf).toList();
  }

  synchronized int receivedCount() {
    return received.size();
  }

  static String lineOf(Event event) {
    return ((CustomEvent) event.data()).data().path("line").asText();
  }
}
