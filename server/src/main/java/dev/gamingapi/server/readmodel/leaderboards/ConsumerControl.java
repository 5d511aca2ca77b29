package dev.gamingapi.server.readmodel.leaderboards;

import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * What a change of board definitions needs from the owner of the tenants' consumers ({@code
 * ReadModels}): no batch in flight may see the change half-way, the tenant's owner on another
 * instance must drop the definitions it cached, and a new board's backfill is worth waiting for.
 */
public interface ConsumerControl {
  /**
   * Runs {@code work} in one transaction while {@code account}'s consumer, if it runs here, is
   * stopped; the consumer starts again after.
   */
  <T> T whilePaused(String account, HandleCallback<T, RuntimeException> work);

  /**
   * Inside the transaction of {@link #whilePaused}: the owner of {@code account}, if another
   * instance, stops and starts its consumer again from the database.
   */
  void restartOwner(Handle handle, String account);

  /**
   * Waits up to {@code timeout} for {@code account}'s consumer, if it runs here, to finish what it
   * does before it applies new events (the backfill of a new board).
   */
  void awaitPrepared(String account, Duration timeout);
}
