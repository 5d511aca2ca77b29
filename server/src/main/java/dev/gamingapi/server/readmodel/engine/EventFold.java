package dev.gamingapi.server.readmodel.engine;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import dev.gamingapi.server.readmodel.profiles.ProfileStore;
import dev.gamingapi.server.readmodel.status.ServerRow;
import dev.gamingapi.server.readmodel.status.ServerStatusStore;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Applies one event to every read model, inside the batch's transaction. The order matters and is
 * the log's: a server's silence longer than {@code unresponsiveAfter} (measured between its event
 * times) closes its open sessions at its last sign of life before the next event counts.
 */
public final class EventFold {
  private final ServerStatusStore servers = new ServerStatusStore();
  private final ProfileStore profiles;
  private final BoardStore boards;
  private final long unresponsiveMs;

  /**
   * A fold that calls a server unresponsive after {@code unresponsiveAfter} without events and
   * scores the leaderboards of {@code boards}.
   */
  public EventFold(Duration unresponsiveAfter, BoardStore boards) {
    this.unresponsiveMs = unresponsiveAfter.toMillis();
    this.boards = boards;
    this.profiles = new ProfileStore(boards);
  }

  /** Applies {@code event} of {@code account}, stored at stream sequence {@code seq}. */
  public void apply(Handle handle, String account, Event event, long seq) {
    long at = event.time().toEpochMilli();
    Optional<ServerRow> before = servers.find(handle, account, event.serverId());
    if (before.isPresent()) {
      long last = before.get().lastEventAt();
      if (at - last > unresponsiveMs) {
        profiles.closeAll(handle, account, event.serverId(), last, seq);
      }
      if (event.data() instanceof ServerStarted) {
        // A start without a stop before it: the previous run's sessions end with its last event.
        profiles.closeAll(handle, account, event.serverId(), last, seq);
      }
    }
    if (event.data() instanceof ServerStopped) {
      profiles.closeAll(handle, account, event.serverId(), at, seq);
    }
    servers.apply(handle, account, event);
    if (event.playerId() != null) {
      profiles.apply(handle, account, event, seq);
      boards.apply(handle, account, event, seq);
    }
  }
}
