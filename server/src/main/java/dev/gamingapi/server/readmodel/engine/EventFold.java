package dev.gamingapi.server.readmodel.engine;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import dev.gamingapi.server.readmodel.leaderboards.Board;
import dev.gamingapi.server.readmodel.leaderboards.BoardBatch;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import dev.gamingapi.server.readmodel.profiles.ProfileStore;
import dev.gamingapi.server.readmodel.status.ServerRow;
import dev.gamingapi.server.readmodel.status.ServerStatusStore;
import dev.gamingapi.server.readmodel.timeseries.Retention;
import dev.gamingapi.server.readmodel.timeseries.SeriesBatch;
import dev.gamingapi.server.store.BatchSql;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Applies a batch of events to every read model, inside the batch's transaction: the rows the batch
 * touches are read at once, the events change them in memory one by one in the log's order, and
 * what changed is written at once. The order matters: a server's silence longer than {@code
 * unresponsiveAfter} (measured between its event times) closes its open sessions at its last sign
 * of life before the next event counts.
 */
public final class EventFold {
  private final BoardStore boards;
  private final long unresponsiveMs;
  private final Retention retention = new Retention();

  /** An event with its stream sequence. */
  public record Sequenced(Event event, long seq) {}

  /**
   * A fold that calls a server unresponsive after {@code unresponsiveAfter} without events and
   * scores the leaderboards of {@code boards}.
   */
  public EventFold(Duration unresponsiveAfter, BoardStore boards) {
    this.unresponsiveMs = unresponsiveAfter.toMillis();
    this.boards = boards;
  }

  /**
   * Applies {@code events} of {@code account}, in order; returns what to do once the transaction
   * has committed (and only then: the leaderboards' score cache learns the new scores).
   */
  public Runnable apply(Handle handle, String account, List<Sequenced> events) {
    if (events.isEmpty()) {
      return () -> {};
    }
    BatchSql sql = new BatchSql(handle);
    Set<String> servers = new LinkedHashSet<>();
    Set<String> scorers = new LinkedHashSet<>();
    for (Sequenced item : events) {
      servers.add(item.event().serverId());
      if (item.event().data() instanceof PlayerScored) {
        scorers.add(item.event().playerId());
      }
    }
    ServerStatusStore status = ServerStatusStore.load(sql, account, servers);
    BoardBatch scores =
        boards.batch(sql, handle, account, events.stream().map(Sequenced::event).toList());
    ProfileStore profiles = ProfileStore.load(sql, account, servers, scorers, scores);
    SeriesBatch series = new SeriesBatch(account);
    for (Sequenced item : events) {
      apply(status, profiles, scores, item.event(), item.seq());
      series.add(item.event(), profiles.online(item.event().serverId()));
    }
    status.flush(sql);
    profiles.flush(sql);
    scores.flush(handle);
    series.flush(sql);
    Runnable pruned = retention.prune(sql, account, series.newestMinute());
    Runnable scored = scores.committed();
    return () -> {
      scored.run();
      pruned.run();
    };
  }

  /**
   * A replay of a tenant's log from its start onto {@code boards} alone (their backfill): server
   * status and sessions are followed in memory from nothing, by the same rules as {@link #apply},
   * and only the boards' scores are kept, for {@link BoardStore#writeBackfill}.
   */
  public final class Replay {
    private final ServerStatusStore status;
    private final ProfileStore profiles;
    private final BoardBatch scores;

    private Replay(String account, List<Board> only) {
      this.scores = boards.fresh(account, only);
      this.status = ServerStatusStore.empty(account);
      this.profiles = ProfileStore.empty(account, scores);
    }

    /** Folds the next event of the log (in log order, each counted event once). */
    public void add(Sequenced item) {
      apply(status, profiles, scores, item.event(), item.seq());
    }

    /** The boards' scores after the events added so far. */
    public BoardBatch scores() {
      return scores;
    }
  }

  /** A replay of {@code account}'s log onto {@code only}, to backfill them. */
  public Replay replay(String account, List<Board> only) {
    return new Replay(account, only);
  }

  /** Forgets what is cached of {@code account}'s models: a batch of it failed. */
  public void forget(String account) {
    boards.forget(account);
    retention.forget(account);
  }

  private void apply(
      ServerStatusStore status, ProfileStore profiles, BoardBatch scores, Event event, long seq) {
    long at = event.time().toEpochMilli();
    Optional<ServerRow> before = status.find(event.serverId());
    if (before.isPresent()) {
      long last = before.get().lastEventAt();
      if (at - last > unresponsiveMs) {
        profiles.closeAll(event.serverId(), last, seq);
      }
      if (event.data() instanceof ServerStarted) {
        // A start without a stop before it: the previous run's sessions end with its last event.
        profiles.closeAll(event.serverId(), last, seq);
      }
    }
    if (event.data() instanceof ServerStopped) {
      profiles.closeAll(event.serverId(), at, seq);
    }
    status.apply(event);
    if (event.playerId() != null) {
      profiles.apply(event, seq);
      scores.apply(event, seq);
    }
  }
}
