package dev.gamingapi.agent.input;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gamingapi.contract.event.CustomEvent;

/**
 * The mapper of logs the agent cannot read: each line becomes a {@code custom.log_line} event
 * holding its text, for the owner's own consumers to interpret.
 */
public final class RawLines implements LineMapper {
  private final String inputName;

  /** A mapper tagging each line with {@code inputName}. */
  public RawLines(String inputName) {
    this.inputName = inputName;
  }

  @Override
  public MappedLine map(String line) {
    return MappedLine.of(
        null,
        new CustomEvent(
            LinePublisher.LOG_LINE,
            null,
            JsonNodeFactory.instance.objectNode().put("line", line).put("input", inputName)));
  }
}
