package dev.gamingapi.server.broker;

import dev.gamingapi.server.PlatformException;
import dev.gamingapi.server.ProblemKind;

/**
 * The broker refused a stream because no node can reserve its {@code max_bytes} ({@code 10047
 * insufficient storage resources available}).
 */
public final class InsufficientStorageException extends PlatformException {
  private final String stream;
  private final boolean memory;
  private final long reserves;

  InsufficientStorageException(String stream, boolean memory, long reserves, Throwable cause) {
    super(
        "the broker cannot reserve the "
            + reserves
            + " bytes of "
            + (memory ? "memory" : "disk")
            + " of stream "
            + stream
            + ": insufficient storage resources available",
        cause);
    this.stream = stream;
    this.memory = memory;
    this.reserves = reserves;
  }

  /** The stream that was refused. */
  public String stream() {
    return stream;
  }

  /** Whether memory storage was short (else disk). */
  public boolean memory() {
    return memory;
  }

  /** The bytes the stream reserves. */
  public long reserves() {
    return reserves;
  }

  @Override
  public ProblemKind kind() {
    return ProblemKind.INSUFFICIENT_STORAGE;
  }
}
