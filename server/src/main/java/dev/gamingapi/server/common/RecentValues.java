package dev.gamingapi.server.common;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Values read from the database on the path of every request (a token's owner, an account's plan),
 * kept for a short time so that a burst of requests costs one read rather than one each: on
 * PostgreSQL each read is a round trip.
 *
 * <p>A value is served for at most {@code maxAge} after it was read, so a change made by another
 * platform instance takes effect within that time; a change made through this instance calls {@link
 * #forgetAll()} and takes effect at once. A read under way when {@link #forgetAll()} is called is
 * not kept. Past {@code maxEntries} values the cache starts over rather than grow.
 *
 * @param <K> the key
 * @param <V> the value (an {@link java.util.Optional} when "none" is an answer worth keeping)
 */
public final class RecentValues<K, V> {
  private record Entry<V>(V value, long readAt, long generation) {}

  private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final long maxAgeNanos;
  private final int maxEntries;

  public RecentValues(Duration maxAge, int maxEntries) {
    this.maxAgeNanos = maxAge.toNanos();
    this.maxEntries = maxEntries;
  }

  /**
   * The value of {@code key}: a recent one, or what {@code read} answers now (kept unless it
   * throws).
   */
  public V get(K key, Function<K, V> read) {
    long generationBefore = generation.get();
    long now = System.nanoTime();
    Entry<V> entry = entries.get(key);
    if (entry != null
        && entry.generation() == generationBefore
        && now - entry.readAt() < maxAgeNanos) {
      return entry.value();
    }
    V value = read.apply(key);
    if (entries.size() >= maxEntries) {
      entries.clear();
    }
    // Stamped with the time and generation from before the read: never younger than the data.
    entries.put(key, new Entry<>(value, now, generationBefore));
    return value;
  }

  /** Drops every value: the next read of each goes to the source. */
  public void forgetAll() {
    generation.incrementAndGet();
    entries.clear();
  }
}
