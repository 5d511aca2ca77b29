package dev.gamingapi.server.readmodel.engine;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Bounds {@code rm_applied_ids}: the id of an applied event is kept for the tenant's window (its
 * event retention plus the longest an SDK journal may hold an event), counted on the log's own
 * clock, the time the broker stored the event; then it goes. So a tenant's database grows with what
 * its plan retains, not with its whole history.
 *
 * <p>The store time of each event is not kept: at most once per hour of store time per tenant and
 * instance, the batch that reaches a new hour notes a mark (its newest store time and the stream
 * sequence of its last message; the broker stores in sequence order, so every event at or below
 * that sequence was stored at or before that time), and deletes, through the index on the stream
 * sequence, the ids at or below the newest mark older than the window, and the marks older than it.
 * Inside the batch's transaction, after the batch's own ids were checked: idempotent, so a batch
 * that fails and runs again changes nothing. An id therefore lives between one window and one
 * window plus an hour (plus the tenant's longest pause between batches) after its store time.
 */
final class AppliedIdWindow {
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();

  private final Function<String, Duration> window;
  // The hour of store time each tenant was last marked at on this instance.
  private final Map<String, Long> markedHour = new ConcurrentHashMap<>();

  /** Ids kept for {@code window} of their tenant (null: forever) after their store time. */
  AppliedIdWindow(Function<String, Duration> window) {
    this.window = window;
  }

  /** No bound: the ids are kept as long as the models are. */
  static AppliedIdWindow forever() {
    return new AppliedIdWindow(account -> null);
  }

  /**
   * The window of {@code account} when a batch whose newest event was stored at {@code storedMs}
   * must mark and prune, else null; asked before the batch's transaction (it may read the plan).
   */
  Duration due(String account, long storedMs) {
    if (storedMs == Long.MIN_VALUE) {
      return null;
    }
    Long last = markedHour.get(account);
    if (last != null && Math.floorDiv(storedMs, HOUR_MS) <= last) {
      return null;
    }
    return window.apply(account);
  }

  /**
   * Marks ({@code storedMs}, {@code lastSeq}) and deletes what is older than {@code kept} before
   * {@code storedMs}; returns what to run once the transaction has committed.
   */
  Runnable markAndPrune(Handle handle, String account, long storedMs, long lastSeq, Duration kept) {
    handle
        .createUpdate(
            "INSERT INTO rm_applied_marks (account, stored_ms, stream_seq)"
                + " VALUES (:account, :stored, :seq) ON CONFLICT (account, stored_ms) DO NOTHING")
        .bind("account", account)
        .bind("stored", storedMs)
        .bind("seq", lastSeq)
        .execute();
    long cutoff = storedMs - kept.toMillis();
    handle
        .createQuery(
            "SELECT MAX(stream_seq) FROM rm_applied_marks"
                + " WHERE account = :account AND stored_ms < :cutoff")
        .bind("account", account)
        .bind("cutoff", cutoff)
        .mapTo(Long.class)
        .findOne()
        .ifPresent(
            seq -> {
              handle
                  .createUpdate(
                      "DELETE FROM rm_applied_ids WHERE account = :account AND stream_seq <= :seq")
                  .bind("account", account)
                  .bind("seq", seq)
                  .execute();
              handle
                  .createUpdate(
                      "DELETE FROM rm_applied_marks"
                          + " WHERE account = :account AND stored_ms < :cutoff")
                  .bind("account", account)
                  .bind("cutoff", cutoff)
                  .execute();
            });
    long hour = Math.floorDiv(storedMs, HOUR_MS);
    return () -> markedHour.merge(account, hour, Math::max);
  }

  /** Forgets what is known of {@code account} (its models were wiped or a batch failed). */
  void forget(String account) {
    markedHour.remove(account);
  }
}
