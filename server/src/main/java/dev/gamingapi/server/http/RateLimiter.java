package dev.gamingapi.server.http;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-token request budgets: a token bucket per key that refills {@code perMinute} requests a
 * minute and holds at most that many, so a client may burst up to its minute's worth.
 */
final class RateLimiter {
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * Takes one request from {@code key}'s budget.
   *
   * @return 0 when allowed, else the seconds to wait before the next request is
   */
  long acquire(String key, long perMinute) {
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute));
    return bucket.take(perMinute, System.nanoTime());
  }

  private static final class Bucket {
    private double tokens;
    private long refilledAt = System.nanoTime();

    Bucket(long capacity) {
      this.tokens = capacity;
    }

    synchronized long take(long perMinute, long now) {
      double perNano = perMinute / 60e9;
      tokens = Math.min(perMinute, tokens + (now - refilledAt) * perNano);
      refilledAt = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }
  }
}
