package dev.gamingapi.agent.input;

/**
 * A running source of events of one game server. {@link #start()} binds its socket or opens its
 * file and fails at once if it cannot; {@link #close()} stops it, and returns only when it will
 * hand no more events to the journal.
 */
public interface Input extends AutoCloseable {
  /** The input's name within its server. */
  String name();

  /** Starts receiving or reading in the background. */
  void start();

  /** Stops; idempotent. */
  @Override
  void close();
}
