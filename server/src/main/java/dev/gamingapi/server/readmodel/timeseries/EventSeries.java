package dev.gamingapi.server.readmodel.timeseries;

import java.time.Instant;
import java.util.List;

/**
 * Events per bucket, of all the tenant's servers or of one player (as asked); one point per bucket
 * from {@code from} (inclusive) to {@code to} (exclusive), oldest first, every bucket present.
 */
public record EventSeries(
    String range, int stepSeconds, Instant from, Instant to, List<Point> points) {
  /** One bucket. */
  public record Point(Instant at, long events) {}
}
