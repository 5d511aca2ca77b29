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
 * window plus two hours (plus the tenant's pauses between batches) after its store time.
 *
 * <p>A batch deletes at most {@code perBatch} ids, the lowest sequences first, so that a busy
 * tenant's hour of ids does not go in one long transaction (on SQLite it holds the only writer):
 * while ids older than the window are left, each next batch deletes more; still one mark an hour.
 */
final class AppliedIdWindow {
  /** Ids deleted per batch at most: some 20 ms of one core on either database. */
  static final int PER_BATCH = 20_000;

  private static final long HOUR_MS = Duration.ofHours(1).toMillis();

  private final Function<String, Duration> window;
  private final int perBatch;
  // The hour of store time each tenant was last pruned at (all of it) on this instance.
  private final Map<String, Long> prunedHour = new ConcurrentHashMap<>();

  /**
   * Ids kept for {@code window} of their tenant (null: forever) after their store time, at most
   * {@code perBatch} deleted by a batch.
   */
  AppliedIdWindow(Function<String, Duration> window, int perBatch) {
    this.window = window;
    this.perBatch = perBatch;
  }

  /**
   * The window of {@code account} when a batch whose newest event was stored at {@code storedMs}
   * must mark and prune, else null; asked before the batch's transaction (it may read the plan).
   */
  Duration due(String account, long storedMs) {
    if (storedMs == Long.MIN_VALUE) {
      return null;
    }
    Long last = prunedHour.get(account);
    if (last != null && Math.floorDiv(storedMs, HOUR_MS) <= last) {
      return null;
    }
    return window.apply(account);
  }

  /**
   * Marks ({@code storedMs}, {@code lastSeq}) unless this hour has a mark, and deletes what is
   * older than {@code kept} before {@code storedMs}; returns what to run once the transaction
   * committed.
   */
  Runnable markAndPrune(Handle handle, String account, long storedMs, long lastSeq, Duration kept) {
    long hour = Math.floorDiv(storedMs, HOUR_MS);
    handle
        .createUpdate(
            "INSERT INTO rm_applied_marks (account, stored_ms, stream_seq)"
                + " SELECT :account, :stored, :seq WHERE NOT EXISTS (SELECT 1"
                + " FROM rm_applied_marks WHERE account = :account AND stored_ms >= :hour)")
        .bind("account", account)
        .bind("stored", storedMs)
        .bind("seq", lastSeq)
        .bind("hour", hour * HOUR_MS)
        .execute();
    long cutoff = storedMs - kept.toMillis();
    Long seq = one(handle, "SELECT MAX(stream_seq) FROM rm_applied_marks", account, cutoff);
    if (seq != null) {
      Long lowest = one(handle, "SELECT MIN(stream_seq) FROM rm_applied_ids", account, null);
      long upTo = lowest == null ? seq : Math.min(seq, lowest + perBatch - 1);
      handle
          .createUpdate(
              "DELETE FROM rm_applied_ids WHERE account = :account AND stream_seq <= :seq")
          .bind("account", account)
          .bind("seq", upTo)
          .execute();
      if (upTo < seq) {
        return () -> {}; // more to delete: the next batch goes on
      }
      handle
          .createUpdate(
              "DELETE FROM rm_applied_marks WHERE account = :account AND stored_ms < :cutoff")
          .bind("account", account)
          .bind("cutoff", cutoff)
          .execute();
    }
    return () -> prunedHour.merge(account, hour, Math::max);
  }

  /** Forgets what is known of {@code account} (its models were wiped or a batch failed). */
  void forget(String account) {
    prunedHour.remove(account);
  }

  // The value of query for account (and marks older than cutoff, when not null), or null.
  private static Long one(Handle handle, String query, String account, Long cutoff) {
    String where = " WHERE account = :account" + (cutoff == null ? "" : " AND stored_ms < :cutoff");
    var statement = handle.createQuery(query + where).bind("account", account);
    if (cutoff != null) {
      statement.bind("cutoff", cutoff);
    }
    return statement.mapTo(Long.class).findOne().orElse(null);
  }
}
