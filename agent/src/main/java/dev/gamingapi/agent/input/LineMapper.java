package dev.gamingapi.agent.input;

/**
 * Turns one log line into what it means. Implementations may keep state between lines (the current
 * map, who is online), so each input has its own instance, fed from one thread.
 */
@FunctionalInterface
public interface LineMapper {
  /** What {@code line} (without its line terminator) means; never throws for bad input. */
  MappedLine map(String line);
}
