package dev.gamingapi.server.readmodel.engine;

import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.UnknownEventData;
import dev.gamingapi.server.lease.LeaseLostException;
import dev.gamingapi.server.store.BatchSql;
import dev.gamingapi.server.store.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies batches of a tenant's events to the read models, each batch in ONE transaction together
 * with the tenant's position (the stream sequence of its last event). Hence after a crash: events
 * at or below the stored position were applied and are skipped, the others were not. An event id
 * already applied (the same event stored twice in the log) is skipped too; ids are kept for their
 * tenant's window ({@link AppliedIdWindow}). An event that cannot be decoded or applied goes to
 * {@code rm_dead_letters}.
 */
public final class Applier {
  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

  private final Database database;
  private final EventFold fold;
  private final BiConsumer<Handle, String> fence;
  private final AppliedIdWindow ids;

  /**
   * An applier writing to {@code database} with {@code fold}, for the only instance, keeping the
   * applied ids as long as the models.
   */
  public Applier(Database database, EventFold fold) {
    this(database, fold, (handle, account) -> {}, account -> null);
  }

  /**
   * An applier whose every transaction first runs {@code fence} (which throws {@link
   * LeaseLostException} when this instance no longer owns the tenant), so that an instance that
   * lost a tenant to another never commits a batch of it.
   */
  public Applier(Database database, EventFold fold, BiConsumer<Handle, String> fence) {
    this(database, fold, fence, account -> null);
  }

  /**
   * An applier that keeps the id of an applied event of a tenant for {@code window} of the tenant
   * (null: forever) after the event was stored, measured on the broker's store times.
   */
  public Applier(
      Database database,
      EventFold fold,
      BiConsumer<Handle, String> fence,
      Function<String, Duration> window) {
    this(database, fold, fence, window, AppliedIdWindow.PER_BATCH);
  }

  // With the ids a batch deletes at most: tests make it small.
  Applier(
      Database database,
      EventFold fold,
      BiConsumer<Handle, String> fence,
      Function<String, Duration> window,
      int prunedPerBatch) {
    this.database = database;
    this.fold = fold;
    this.fence = fence;
    this.ids = new AppliedIdWindow(window, prunedPerBatch);
  }

  /** Forgets what is cached of {@code account}'s applied ids: its models were wiped. */
  public void forget(String account) {
    ids.forget(account);
  }

  /** The stream sequence of the last event applied for {@code account}, 0 before the first. */
  public long position(String account) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT stream_seq FROM rm_positions WHERE account = :account")
                    .bind("account", account)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(0L));
  }

  /**
   * Applies {@code batch} (in stream order) and returns the new position. When the batch fails as a
   * whole, its events are applied one by one and the one that fails alone is dead-lettered, so a
   * poison event never stops the tenant. A database that is down, busy or locked (another writer, a
   * serialization conflict, a lost connection) fails the call instead, for the consumer to try
   * again: a good event is never dead-lettered for the database's trouble.
   */
  public long apply(String account, List<RawEvent> batch) {
    return applyDecoded(account, decode(batch));
  }

  /**
   * An event as read from the log: decoded, or the reason it cannot be ({@code event} null).
   * Decoding needs no database, so the consumer decodes a batch while the previous one is written.
   */
  public record Decoded(RawEvent raw, Event event, String problem) {}

  /** Decodes {@code batch}, keeping its order; an event that cannot be decoded says why. */
  public static List<Decoded> decode(List<RawEvent> batch) {
    List<Decoded> decoded = new ArrayList<>(batch.size());
    for (RawEvent raw : batch) {
      Event event;
      try {
        event = CloudEventsCodec.decode(raw.subject(), raw.headers()::get, raw.body());
      } catch (ContractException e) {
        decoded.add(new Decoded(raw, null, e.getMessage()));
        continue;
      }
      decoded.add(
          event.data() instanceof UnknownEventData
              ? new Decoded(raw, null, "unknown event type '" + event.type() + "'")
              : new Decoded(raw, event, null));
    }
    return decoded;
  }

  /** {@link #apply} of a batch already {@link #decode}d, without a store time: no pruning. */
  public long applyDecoded(String account, List<Decoded> batch) {
    return applyDecoded(account, batch, Long.MIN_VALUE);
  }

  /**
   * {@link #apply} of a batch already {@link #decode}d whose last message the broker stored at
   * {@code storedMs} (epoch ms; {@link Long#MIN_VALUE} when unknown): the log's clock, by which the
   * applied ids older than the tenant's window go.
   */
  public long applyDecoded(String account, List<Decoded> batch, long storedMs) {
    try {
      return applyCommitted(account, batch, storedMs);
    } catch (RuntimeException failure) {
      fold.forget(account); // the lease lost, the database down: start afresh
      ids.forget(account);
      throw failure;
    }
  }

  // One transaction, then what the fold does once it committed.
  private long applyInOne(String account, List<Decoded> batch, long storedMs) {
    List<Runnable> committed = new ArrayList<>(2);
    Duration window = batch.isEmpty() ? null : ids.due(account, storedMs);
    long position =
        database
            .jdbi()
            .inTransaction(
                handle -> {
                  long moved = applyAll(handle, account, batch, committed);
                  if (window != null) {
                    long lastSeq = batch.get(batch.size() - 1).raw().streamSeq();
                    committed.add(ids.markAndPrune(handle, account, storedMs, lastSeq, window));
                  }
                  return moved;
                });
    committed.forEach(Runnable::run);
    return position;
  }

  private long applyCommitted(String account, List<Decoded> batch, long storedMs) {
    try {
      return applyInOne(account, batch, storedMs);
    } catch (LeaseLostException lost) {
      throw lost;
    } catch (RuntimeException batchFailure) {
      // A failed commit may still have happened (a connection lost during COMMIT): what the fold
      // cached can no longer be trusted, after any failure.
      fold.forget(account);
      if (!database.isUp() || Transience.of(batchFailure)) {
        throw batchFailure;
      }
      long position = 0;
      for (Decoded item : batch) {
        RawEvent event = item.raw();
        try {
          // One by one without a store time (it is the batch's last message's): no pruning.
          position = applyInOne(account, List.of(item), Long.MIN_VALUE);
        } catch (LeaseLostException lost) {
          throw lost;
        } catch (RuntimeException e) {
          fold.forget(account);
          if (!database.isUp() || Transience.of(e)) {
            throw e;
          }
          LOG.warn(
              "event {} of {} cannot be applied: {}", event.streamSeq(), account, e.toString());
          position =
              database
                  .jdbi()
                  .inTransaction(
                      handle -> {
                        fence.accept(handle, account);
                        long stored = stored(handle, account);
                        if (event.streamSeq() <= stored) {
                          return stored;
                        }
                        deadLetter(handle, account, event, "cannot be applied: " + e.getMessage());
                        savePosition(handle, account, event.streamSeq(), 0);
                        return event.streamSeq();
                      });
        }
      }
      return position;
    }
  }

  private long applyAll(
      Handle handle, String account, List<Decoded> batch, List<Runnable> committed) {
    if (database.dialect() == Database.Dialect.POSTGRESQL) {
      // The commit returns before its WAL is on disk. Safe here, and only here: the batch and the
      // position it moves to are one transaction, so a PostgreSQL crash can only lose the last
      // batches whole (never half), the position goes back with them, and the consumer, which
      // always starts again from the stored position, applies them again from the log. Spares
      // a disk flush per batch, most of the wait between an event and its visibility.
      handle.execute("SET LOCAL synchronous_commit TO OFF");
    }
    fence.accept(handle, account);
    long position = stored(handle, account);
    List<EventFold.Sequenced> decoded = new ArrayList<>(batch.size());
    for (Decoded item : batch) {
      RawEvent raw = item.raw();
      if (raw.streamSeq() <= position) {
        continue; // applied before a restart; its ack was lost
      }
      position = raw.streamSeq();
      if (item.event() == null) {
        deadLetter(handle, account, raw, item.problem());
      } else {
        decoded.add(new EventFold.Sequenced(item.event(), raw.streamSeq()));
      }
    }
    List<EventFold.Sequenced> fresh = firstTimes(handle, account, decoded);
    committed.add(fold.apply(handle, account, fresh));
    savePosition(handle, account, position, fresh.size());
    return position;
  }

  // The events whose ids were never applied (nor earlier in the batch), recorded as applied now:
  // one insert that skips the ids already there, rather than a read then a write.
  private static List<EventFold.Sequenced> firstTimes(
      Handle handle, String account, List<EventFold.Sequenced> events) {
    return new BatchSql(handle)
        .insertNew(
            "rm_applied_ids",
            List.of("account", "event_id", "stream_seq"),
            account,
            events,
            item -> item.event().id(),
            EventFold.Sequenced::seq);
  }

  // Plain JDBC: once per batch, where Jdbi's statement machinery showed in profiles.
  private static long stored(Handle handle, String account) {
    return new BatchSql(handle)
            .query(
                "SELECT stream_seq FROM rm_positions WHERE account = ?",
                List.of(account),
                rs -> rs.getLong(1))
            .stream()
            .findFirst()
            .orElse(0L);
  }

  private static void savePosition(Handle handle, String account, long position, long applied) {
    handle
        .createUpdate(
            "INSERT INTO rm_positions (account, stream_seq, applied, updated_at)"
                + " VALUES (:account, :seq, :applied, :now)"
                + " ON CONFLICT (account) DO UPDATE SET stream_seq = excluded.stream_seq,"
                + " applied = rm_positions.applied + excluded.applied,"
                + " updated_at = excluded.updated_at")
        .bind("account", account)
        .bind("seq", position)
        .bind("applied", applied)
        .bind("now", System.currentTimeMillis())
        .execute();
  }

  private static void deadLetter(Handle handle, String account, RawEvent raw, String reason) {
    StringBuilder headers = new StringBuilder();
    for (Map.Entry<String, String> header : new TreeMap<>(raw.headers()).entrySet()) {
      headers.append(header.getKey()).append(": ").append(header.getValue()).append('\n');
    }
    String text = reason == null ? "unknown" : reason;
    handle
        .createUpdate(
            "INSERT INTO rm_dead_letters (account, stream_seq, subject, reason, headers, body, at)"
                + " VALUES (:account, :seq, :subject, :reason, :headers, :body, :at)")
        .bind("account", account)
        .bind("seq", raw.streamSeq())
        .bind("subject", truncate(raw.subject(), 512))
        .bind("reason", truncate(text, 2048))
        .bind("headers", truncate(headers.toString(), 1_000_000))
        .bind("body", Base64.getEncoder().encodeToString(raw.body()))
        .bind("at", System.currentTimeMillis())
        .execute();
  }

  private static String truncate(String text, int max) {
    // PostgreSQL cannot store NUL in text, and a reason may quote the bad input.
    String clean = text.replaceAll("[\\x00-\\x08\\x0B-\\x1F\\x7F]", "?");
    return clean.length() <= max ? clean : clean.substring(0, max);
  }
}
