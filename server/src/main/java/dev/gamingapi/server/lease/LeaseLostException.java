package dev.gamingapi.server.lease;

import dev.gamingapi.server.PlatformException;
import dev.gamingapi.server.ProblemKind;

/**
 * This instance no longer holds a lease it needs: another instance took it over (this one was
 * paused or cut off from the database for longer than the lease's lifetime), or the work moved. The
 * write that checked it was not committed.
 */
public class LeaseLostException extends PlatformException {
  /** For {@code lease}, with what happened. */
  public LeaseLostException(String lease, String what) {
    super("lease " + lease + ": " + what);
  }

  /** Another instance held the lease too long; retry later: {@link ProblemKind#UNAVAILABLE}. */
  @Override
  public ProblemKind kind() {
    return ProblemKind.UNAVAILABLE;
  }
}
