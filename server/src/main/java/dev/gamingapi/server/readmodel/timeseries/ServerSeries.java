package dev.gamingapi.server.readmodel.timeseries;

import java.time.Instant;
import java.util.List;

/**
 * A server's chart: one point per bucket from {@code from} (inclusive) to {@code to} (exclusive),
 * oldest first, every bucket present.
 */
public record ServerSeries(
    String server, String range, int stepSeconds, Instant from, Instant to, List<Point> points) {
  /**
   * One bucket.
   *
   * @param playersOnline after the bucket's last event; a bucket without events keeps the value
   *     before it while the server is not yet unresponsive, 0 after
   * @param peakPlayers the most players online after any event of the bucket
   */
  public record Point(Instant at, long events, int playersOnline, int peakPlayers) {}
}
