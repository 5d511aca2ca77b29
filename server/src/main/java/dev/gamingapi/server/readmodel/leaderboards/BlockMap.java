package dev.gamingapi.server.readmodel.leaderboards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rank blocks of one board period in memory for one batch ({@link RankBlocks} has the rules):
 * players move between blocks here, and {@link #changes} tells what to write back. Keys compare as
 * the database orders them: the rank score numerically (-0.0 equal to 0.0), then the sequence, then
 * the player id byte by byte (ids are ASCII; the columns use a binary collation).
 */
final class BlockMap {
  /** Rank order, as the SQL of the rank index orders rows. */
  static final Comparator<RankKey> ORDER =
      (a, b) -> {
        if (a.rankScore() < b.rankScore()) {
          return -1;
        }
        if (a.rankScore() > b.rankScore()) {
          return 1;
        }
        int bySeq = Long.compare(a.reachedSeq(), b.reachedSeq());
        return bySeq != 0 ? bySeq : a.player().compareTo(b.player());
      };

  private final TreeMap<RankKey, Long> blocks = new TreeMap<>(ORDER);
  private final TreeMap<RankKey, Long> loaded = new TreeMap<>(ORDER);

  /** Blocks as stored: their first key and player count. */
  BlockMap(Map<RankKey, Long> stored) {
    blocks.putAll(stored);
    loaded.putAll(stored);
  }

  /** Counts a player at {@code key}. */
  void add(RankKey key) {
    Map.Entry<RankKey, Long> block = blocks.floorEntry(key);
    if (block != null) {
      blocks.put(block.getKey(), block.getValue() + 1);
      return;
    }
    Map.Entry<RankKey, Long> first = blocks.firstEntry();
    if (first == null) {
      blocks.put(key, 1L);
      return;
    }
    // Below every block: the first block now starts at this key.
    blocks.remove(first.getKey());
    blocks.put(key, first.getValue() + 1);
  }

  /** Stops counting a player at {@code key}. */
  void remove(RankKey key) {
    Map.Entry<RankKey, Long> block = blocks.floorEntry(key);
    if (block == null) {
      throw new IllegalStateException("no rank block holds " + key);
    }
    if (block.getValue() <= 1) {
      blocks.remove(block.getKey());
    } else {
      blocks.put(block.getKey(), block.getValue() - 1);
    }
  }

  /** Moves a player from {@code from} to {@code to}. */
  void move(RankKey from, RankKey to) {
    RankKey old = blocks.floorKey(from);
    RankKey now = blocks.floorKey(to);
    if (old != null && now != null && ORDER.compare(old, now) == 0) {
      return;
    }
    remove(from);
    add(to);
  }

  /** What to write: blocks gone, blocks with another count, new blocks. */
  record Changes(List<RankKey> deleted, Map<RankKey, Long> updated, Map<RankKey, Long> inserted) {}

  Changes changes() {
    List<RankKey> deleted = new ArrayList<>();
    for (RankKey lo : loaded.keySet()) {
      if (!blocks.containsKey(lo)) {
        deleted.add(lo);
      }
    }
    Map<RankKey, Long> updated = new TreeMap<>(ORDER);
    Map<RankKey, Long> inserted = new TreeMap<>(ORDER);
    blocks.forEach(
        (lo, players) -> {
          Long before = loaded.get(lo);
          if (before == null) {
            inserted.put(lo, players);
          } else if (!players.equals(before)) {
            updated.put(lo, players);
          }
        });
    return new Changes(deleted, updated, inserted);
  }
}
