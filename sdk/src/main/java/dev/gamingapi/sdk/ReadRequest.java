package dev.gamingapi.sdk;

import dev.gamingapi.contract.subject.EventFilter;
import java.time.Instant;
import java.util.Objects;

/**
 * Which events to read and where to start: from the beginning, from a stream sequence, or from a
 * time. Use the static factories.
 *
 * @param filter the events to select ({@link EventFilter#ALL} for every event)
 * @param fromSequence the first stream sequence to read, or 0 when not starting by sequence
 * @param fromTime the earliest storage time to read, or {@code null} when not starting by time
 */
public record ReadRequest(EventFilter filter, long fromSequence, Instant fromTime) {
  /** Checks that at most one start is given. */
  public ReadRequest {
    Objects.requireNonNull(filter, "filter");
    if (fromSequence < 0) {
      throw new IllegalArgumentException("fromSequence must be 1 or more, got " + fromSequence);
    }
    if (fromSequence > 0 && fromTime != null) {
      throw new IllegalArgumentException("start from a sequence or from a time, not both");
    }
  }

  /** Every selected event, from the oldest stored. */
  public static ReadRequest fromStart(EventFilter filter) {
    return new ReadRequest(filter, 0, null);
  }

  /** Selected events from stream sequence {@code sequence} (1 is the first) on. */
  public static ReadRequest fromSequence(EventFilter filter, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be 1 or more, got " + sequence);
    }
    return new ReadRequest(filter, sequence, null);
  }

  /** Selected events stored at or after {@code time}. */
  public static ReadRequest fromTime(EventFilter filter, Instant time) {
    return new ReadRequest(filter, 0, Objects.requireNonNull(time, "time"));
  }
}
