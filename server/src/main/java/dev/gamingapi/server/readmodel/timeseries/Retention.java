package dev.gamingapi.server.readmodel.timeseries;

import dev.gamingapi.server.store.BatchSql;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the time series to their last {@link #DAYS} days, counted back from the newest event
 * applied (the log's own clock, as every model; not the wall clock, so that a replay of an old log
 * keeps its last week). The buckets older than that are deleted inside a batch's transaction, at
 * most once per hour of event time per tenant and instance: two indexed range deletes, idempotent,
 * so a batch that fails and runs again changes nothing.
 */
public final class Retention {
  /** Days of buckets kept; the charts' longest range is a week. */
  public static final int DAYS = 8;

  private static final long KEPT_MINUTES = DAYS * 24 * 60L;

  // The event hour each tenant was last pruned at on this instance.
  private final Map<String, Long> prunedHour = new ConcurrentHashMap<>();

  /**
   * Deletes {@code account}'s buckets older than {@link #DAYS} days before {@code newestMinute} if
   * that minute is in a later hour than the last prune here; returns what to run once the batch's
   * transaction has committed.
   */
  public Runnable prune(BatchSql sql, String account, long newestMinute) {
    if (newestMinute == Long.MIN_VALUE) {
      return () -> {};
    }
    long hour = Math.floorDiv(newestMinute, 60L);
    Long last = prunedHour.get(account);
    if (last != null && hour <= last) {
      if (hour < last - 1) {
        // Time went back (a rebuild replaying the log from its start): prune again as it advances.
        return () -> prunedHour.put(account, hour);
      }
      return () -> {};
    }
    long cutoff = newestMinute - KEPT_MINUTES;
    for (String table : List.of("rm_ts_servers", "rm_ts_players")) {
      sql.batch(
          "DELETE FROM " + table + " WHERE account = ? AND epoch_minute < ?",
          List.of(cutoff),
          (statement, minute) -> {
            statement.setString(1, account);
            statement.setLong(2, minute);
          });
    }
    return () -> prunedHour.put(account, hour);
  }

  /** Forgets what is known of {@code account} (its models were wiped or failed). */
  public void forget(String account) {
    prunedHour.remove(account);
  }
}
