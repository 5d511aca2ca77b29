package dev.gamingapi.server.readmodel.leaderboards;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tenant's leaderboard scores as last committed, so that a batch reads from the database only the
 * players it has not met lately: the batches of a tenant are written by one writer at a time (the
 * holder of its lease), which is also the only one to change its scores, and everything else that
 * changes them (a forgotten player, a rebuild, the tenant moving to another instance) stops the
 * tenant's consumer and drops the cache ({@link BoardStore#forget}); a board defined, deleted or
 * backfilled drops that board's scores alone. A batch publishes its scores here only after its
 * transaction committed; a batch that fails drops the cache. Kept to {@link #capacity} scores, the
 * least recently used going first.
 */
final class EntryCache {
  /** A score on a board in a period: the player, and where they stand. */
  record Key(String board, String period, String player) {}

  /** A score as stored; {@link #ABSENT} when the player has none there. */
  record Stored(double score, double rankScore, long reached) {}

  /** The player has no score in that board period. */
  static final Stored ABSENT = new Stored(Double.NaN, Double.NaN, -1);

  private final int capacity;
  private final Map<Key, Stored> scores;
  private final boolean unknownIsAbsent;

  /** A cache that answers {@link #ABSENT} for every score it was not told: nothing is stored. */
  static EntryCache empty() {
    return new EntryCache(Integer.MAX_VALUE, true);
  }

  EntryCache(int capacity) {
    this(capacity, false);
  }

  private EntryCache(int capacity, boolean unknownIsAbsent) {
    this.capacity = capacity;
    this.unknownIsAbsent = unknownIsAbsent;
    this.scores =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Stored> eldest) {
            return size() > EntryCache.this.capacity;
          }
        };
  }

  /** What is stored under {@code key}: a score, {@link #ABSENT}, or null when not known here. */
  synchronized Stored get(Key key) {
    Stored stored = scores.get(key);
    return stored == null && unknownIsAbsent ? ABSENT : stored;
  }

  /** Forgets every score of board {@code name}. */
  synchronized void removeBoard(String name) {
    scores.keySet().removeIf(key -> key.board().equals(name));
  }

  /** Records what a committed batch left stored. */
  synchronized void putAll(Map<Key, Stored> committed) {
    scores.putAll(committed);
  }
}
