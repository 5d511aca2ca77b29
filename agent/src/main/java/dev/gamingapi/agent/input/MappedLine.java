package dev.gamingapi.agent.input;

import dev.gamingapi.contract.event.EventData;
import java.time.Instant;
import java.util.List;

/** What a {@link LineMapper} made of one line. */
public sealed interface MappedLine {

  /**
   * The line means these events (possibly none, when it only updated the mapper's state).
   *
   * @param time when it happened per the line, or {@code null} when the line has no usable time
   * @param events the events, in order
   * @param excluded how many events were left out on purpose (bots, when excluded)
   */
  record Events(Instant time, List<EventData> events, int excluded) implements MappedLine {
    /** Canonical constructor: copies the list. */
    public Events {
      events = List.copyOf(events);
    }
  }

  /** A well-formed line that maps to no event. */
  record Unmapped() implements MappedLine {}

  /**
   * A line that could not be read.
   *
   * @param reason what is wrong with it, for the logs
   */
  record Malformed(String reason) implements MappedLine {}

  /** Shorthand for events at {@code time} with nothing excluded. */
  static MappedLine of(Instant time, EventData... events) {
    return new Events(time, List.of(events), 0);
  }
}
