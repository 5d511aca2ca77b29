package dev.gamingapi.agent.input;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gamingapi.agent.status.Counter;
import dev.gamingapi.agent.status.ServerCounters;
import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.event.CustomEvent;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.sdk.PayloadTooLargeException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the lines of one input through its {@link LineMapper} into the server's journal, counting
 * what became of each. No line is dropped silently: it becomes events, or is counted as unmapped or
 * malformed and, when the owner asked for it, published raw as {@code custom.log_line}.
 */
public final class LinePublisher {
  /** The custom event name of raw lines. */
  public static final String LOG_LINE = "log_line";

  private static final Logger LOG = LoggerFactory.getLogger(LinePublisher.class);
  private final String serverId;
  private final String inputName;
  private final LineMapper mapper;
  private final EventSink sink;
  private final ServerCounters counters;
  private final boolean customUnmapped;

  /** A publisher of {@code inputName}'s lines as events of {@code serverId}. */
  public LinePublisher(
      String serverId,
      String inputName,
      LineMapper mapper,
      EventSink sink,
      ServerCounters counters,
      boolean customUnmapped) {
    this.serverId = serverId;
    this.inputName = inputName;
    this.mapper = mapper;
    this.sink = sink;
    this.counters = counters;
    this.customUnmapped = customUnmapped;
  }

  /**
   * Maps and journals one line.
   *
   * @param positionKey where the line was read (file identity and offset), making its event ids
   *     stable across re-reads; {@code null} for lines that cannot be read twice (packets)
   * @throws dev.gamingapi.sdk.GamingApiException when the journal is full or failing: the caller
   *     keeps the line and tries again later
   */
  public void accept(String line, String positionKey) {
    counters.increment(Counter.LINES_READ);
    MappedLine mapped;
    try {
      mapped = mapper.map(line);
    } catch (RuntimeException e) { // a mapper bug must cost one line, not the input
      LOG.warn("{}/{}: cannot map line: {}", serverId, inputName, e.toString());
      mapped = new MappedLine.Malformed(e.toString());
    }
    switch (mapped) {
      case MappedLine.Events events -> publishAll(line, positionKey, events);
      case MappedLine.Unmapped unmapped -> {
        counters.increment(Counter.UNMAPPED);
        publishRaw(line, positionKey, null);
      }
      case MappedLine.Malformed malformed -> {
        counters.increment(Counter.MALFORMED);
        LOG.debug("{}/{}: malformed line ({}): {}", serverId, inputName, malformed.reason(), line);
        publishRaw(line, positionKey, malformed.reason());
      }
    }
  }

  private void publishAll(String line, String positionKey, MappedLine.Events events) {
    for (int i = 0; i < events.excluded(); i++) {
      counters.increment(Counter.EXCLUDED);
    }
    List<EventData> list = events.events();
    Instant time = events.time() != null ? events.time() : Instant.now();
    for (int i = 0; i < list.size(); i++) {
      publish(list.get(i), time, positionKey, i, line);
    }
  }

  private void publishRaw(String line, String positionKey, String malformedReason) {
    if (!customUnmapped) {
      return;
    }
    ObjectNode data =
        JsonNodeFactory.instance.objectNode().put("line", line).put("input", inputName);
    if (malformedReason != null) {
      data.put("malformed", malformedReason);
    }
    publish(new CustomEvent(LOG_LINE, null, data), Instant.now(), positionKey, 0, line);
  }

  private void publish(EventData data, Instant time, String positionKey, int index, String line) {
    String id =
        positionKey == null
            ? EventIds.next()
            : StableIds.of(serverId + "\n" + inputName + "\n" + positionKey, index);
    try {
      sink.publish(
          new Event(
              id, EventCatalog.typeOf(data), serverId, EventCatalog.playerOf(data), time, data));
      counters.increment(Counter.EVENTS_PUBLISHED);
    } catch (ContractException e) {
      counters.increment(Counter.MALFORMED);
      LOG.warn(
          "{}/{}: line makes an invalid event ({}): {}", serverId, inputName, e.getMessage(), line);
    } catch (PayloadTooLargeException e) {
      counters.increment(Counter.PUBLISH_FAILURES);
      LOG.warn("{}/{}: event too large, left out: {}", serverId, inputName, e.getMessage());
    }
  }
}
