package dev.gamingapi.server.readmodel.timeseries;

import dev.gamingapi.server.common.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The span a chart shows, and the width of its buckets: small enough for a line of a few hundred
 * points at most, coarse enough that the database sums them (a week is 168 hours, not 10,080
 * minutes).
 *
 * @param serverStep minutes per bucket of a server's or the tenant's series
 * @param playerStep minutes per bucket of a player's activity (at least its stored ten minutes)
 */
public enum SeriesRange {
  HOUR(60, 1, SeriesBatch.PLAYER_MINUTES),
  DAY(24 * 60, 5, SeriesBatch.PLAYER_MINUTES),
  WEEK(7 * 24 * 60, 60, 60);

  private final int minutes;
  private final int serverStep;
  private final int playerStep;

  SeriesRange(int minutes, int serverStep, int playerStep) {
    this.minutes = minutes;
    this.serverStep = serverStep;
    this.playerStep = playerStep;
  }

  /** The range named {@code name} ({@code hour} when null). */
  public static SeriesRange of(String name) {
    if (name == null) {
      return HOUR;
    }
    for (SeriesRange range : values()) {
      if (range.label().equals(name)) {
        return range;
      }
    }
    throw new InvalidRequestException(
        "range",
        "must be one of "
            + Arrays.stream(values()).map(SeriesRange::label).collect(Collectors.joining(", ")));
  }

  /** The name in URLs and answers. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Minutes the range covers. */
  public int minutes() {
    return minutes;
  }

  /** Minutes per bucket of a server's or the tenant's series. */
  public int serverStep() {
    return serverStep;
  }

  /** Minutes per bucket of a player's activity. */
  public int playerStep() {
    return playerStep;
  }
}
