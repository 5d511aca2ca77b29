package dev.gamingapi.server.readmodel.engine;

import dev.gamingapi.server.readmodel.leaderboards.Board;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import dev.gamingapi.server.store.BatchSql;
import dev.gamingapi.server.store.Database;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.StreamContext;
import io.nats.client.api.OrderedConsumerConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills the boards defined since a tenant's consumer last ran, before it applies new events:
 * the tenant's log is read from its start up to the models' position, every event the models
 * counted is folded onto those boards alone ({@link EventFold.Replay}: server status and sessions
 * followed in memory, so play-time boards come out as the live fold would have made them), and the
 * scores are written in one transaction with their rank index. The other models are not touched: a
 * new board no longer rebuilds the tenant.
 *
 * <p>Which events count is what the models counted: an event whose id {@code rm_applied_ids}
 * records at its own stream sequence (so a repeated event counts once, at the same place, and a
 * dead-lettered one not at all).
 */
public final class Backfill {
  private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);
  private static final int CHUNK = 2_000;
  private static final Duration QUIET = Duration.ofSeconds(2);

  private final Database database;
  private final EventFold fold;
  private final BoardStore boards;
  private final BiConsumer<Handle, String> fence;

  /** Backfills written to {@code database}, each after {@code fence} (the tenant's lease). */
  public Backfill(
      Database database, EventFold fold, BoardStore boards, BiConsumer<Handle, String> fence) {
    this.database = database;
    this.fold = fold;
    this.boards = boards;
    this.fence = fence;
  }

  /** Backfills the pending boards of {@code account} from {@code stream}, if any. */
  public void run(String account, StreamContext stream, long position) throws Exception {
    List<Board> pending =
        database.jdbi().withHandle(handle -> boards.pendingBackfill(handle, account));
    if (pending.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    EventFold.Replay replay = fold.replay(account, pending);
    long replayed = position == 0 ? 0 : replay(account, stream, position, replay);
    database
        .jdbi()
        .useTransaction(
            handle -> {
              fence.accept(handle, account);
              boards.writeBackfill(handle, account, pending, replay.scores());
            });
    LOG.info(
        "{}: backfilled {} from {} events in {} ms",
        account,
        pending.stream().map(Board::name).toList(),
        replayed,
        (System.nanoTime() - started) / 1_000_000);
  }

  // Reads the log up to position in order, and folds the counted events; returns how many.
  private long replay(String account, StreamContext stream, long position, EventFold.Replay replay)
      throws Exception {
    long counted = 0;
    List<RawEvent> chunk = new ArrayList<>(CHUNK);
    try (IterableConsumer messages =
        stream
            .createOrderedConsumer(new OrderedConsumerConfiguration()) // the whole stream
            .iterate()) {
      while (true) {
        Message message = messages.nextMessage(QUIET);
        if (message == null) {
          break; // nothing more in the log (the last events up to the position were erased)
        }
        Delivery delivery = Delivery.of(message);
        if (delivery.streamSeq() > position) {
          break;
        }
        chunk.add(TenantConsumer.raw(message, delivery.streamSeq()));
        if (chunk.size() == CHUNK) {
          counted += fold(account, chunk, replay);
          chunk.clear();
        }
        if (delivery.streamSeq() == position || delivery.pending() == 0) {
          break;
        }
      }
    }
    return counted + fold(account, chunk, replay);
  }

  private long fold(String account, List<RawEvent> raws, EventFold.Replay replay) {
    if (raws.isEmpty()) {
      return 0;
    }
    List<Applier.Decoded> decoded = Applier.decode(raws);
    List<String> ids = new ArrayList<>();
    for (Applier.Decoded item : decoded) {
      if (item.event() != null) {
        ids.add(item.event().id());
      }
    }
    Map<String, Long> appliedAt = new HashMap<>();
    database
        .jdbi()
        .useHandle(
            handle ->
                new BatchSql(handle)
                    .in(
                        "SELECT event_id, stream_seq FROM rm_applied_ids WHERE account = ?"
                            + " AND event_id IN (%s)",
                        List.of(account), ids, rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(entry -> appliedAt.put(entry.getKey(), entry.getValue())));
    long counted = 0;
    for (Applier.Decoded item : decoded) {
      if (item.event() != null
          && appliedAt.getOrDefault(item.event().id(), -1L) == item.raw().streamSeq()) {
        replay.add(new EventFold.Sequenced(item.event(), item.raw().streamSeq()));
        counted++;
      }
    }
    return counted;
  }
}
