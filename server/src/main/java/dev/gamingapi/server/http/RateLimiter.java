package dev.gamingapi.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-token request budgets: a token bucket per key that refills {@code perMinute} requests a
 * minute and holds at most that many, so a client may burst up to its minute's worth.
 *
 * <p>A bucket left alone for a minute has refilled to its capacity, which is what a new bucket
 * holds: such buckets are dropped (at most once a minute, by the request that finds one due), so
 * the map holds only the tokens used in about the last two minutes, and forgetting one changes no
 * answer.
 */
final class RateLimiter {
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong sweptAt = new AtomicLong(System.nanoTime());

  /**
   * Takes one request from {@code key}'s budget.
   *
   * @return 0 when allowed, else the seconds to wait before the next request is
   */
  long acquire(String key, long perMinute) {
    return acquire(key, perMinute, System.nanoTime());
  }

  /** {@link #acquire(String, long)} at {@code now} ({@link System#nanoTime()}'s scale). */
  long acquire(String key, long perMinute, long now) {
    dropIdle(now);
    // In compute: the bucket's update and dropIdle's removal of the same key take turns.
    return buckets
        .compute(
            key,
            (k, bucket) ->
                (bucket == null ? Bucket.full(perMinute, now) : bucket).take(perMinute, now))
        .retryAfter();
  }

  /** How many keys have a bucket now. */
  int keys() {
    return buckets.size();
  }

  private void dropIdle(long now) {
    long last = sweptAt.get();
    if (now - last < MINUTE || !sweptAt.compareAndSet(last, now)) {
      return;
    }
    for (String key : buckets.keySet()) {
      buckets.computeIfPresent(key, (k, bucket) -> now - bucket.at() >= MINUTE ? null : bucket);
    }
  }

  /**
   * A key's budget after its last request.
   *
   * @param tokens requests left
   * @param at when it was last refilled (nanoseconds)
   * @param retryAfter the answer to that request: 0 when allowed, else the seconds to wait
   */
  private record Bucket(double tokens, long at, long retryAfter) {
    static Bucket full(long capacity, long now) {
      return new Bucket(capacity, now, 0);
    }

    Bucket take(long perMinute, long now) {
      double perNano = perMinute / 60e9;
      double refilled = Math.min(perMinute, tokens + (now - at) * perNano);
      if (refilled >= 1) {
        return new Bucket(refilled - 1, now, 0);
      }
      return new Bucket(
          refilled, now, Math.max(1, (long) Math.ceil((1 - refilled) / perNano / 1e9)));
    }
  }
}
