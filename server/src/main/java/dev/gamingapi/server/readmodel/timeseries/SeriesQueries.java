package dev.gamingapi.server.readmodel.timeseries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads the time series for charts: the database sums the stored buckets into the range's wider
 * ones, and the answer has every bucket of the range, ending with the one that holds {@code now}.
 */
public final class SeriesQueries {
  private final Jdbi jdbi;
  private final long unresponsiveMinutes;

  /** Queries over {@code jdbi}; a server silent for {@code unresponsiveAfter} has no players. */
  public SeriesQueries(Jdbi jdbi, Duration unresponsiveAfter) {
    this.jdbi = jdbi;
    this.unresponsiveMinutes = Math.max(1, (unresponsiveAfter.toSeconds() + 59) / 60);
  }

  // The buckets of a range: [first, first + count * step) in epoch minutes.
  private record Window(long first, int count, int step) {
    static Window of(SeriesRange range, int step, Instant now) {
      long current = Math.floorDiv(Math.floorDiv(now.toEpochMilli(), 60_000L), step);
      int count = range.minutes() / step;
      return new Window((current - count + 1) * step, count, step);
    }

    long end() {
      return first + (long) count * step;
    }

    Instant at(long minute) {
      return Instant.ofEpochSecond(minute * 60);
    }
  }

  /** {@code server}'s events and players online over {@code range} up to {@code now}. */
  public ServerSeries server(String account, String server, SeriesRange range, Instant now) {
    Window window = Window.of(range, range.serverStep(), now);
    record Bucket(long events, int peak, int online, long last) {}
    return jdbi.withHandle(
        handle -> {
          Map<Long, Bucket> found = new HashMap<>();
          handle
              .createQuery(
                  ("SELECT g.b, g.events, g.peak, t.players_online, g.last FROM ("
                          + "SELECT epoch_minute / %1$d AS b, SUM(events) AS events,"
                          + " MAX(peak_players) AS peak, MAX(epoch_minute) AS last"
                          + " FROM rm_ts_servers WHERE account = :account AND server = :server"
                          + " AND epoch_minute >= :from AND epoch_minute < :to"
                          + " GROUP BY epoch_minute / %1$d) g"
                          + " JOIN rm_ts_servers t ON t.account = :account AND t.server = :server"
                          + " AND t.epoch_minute = g.last")
                      .formatted(window.step()))
              .bind("account", account)
              .bind("server", server)
              .bind("from", window.first())
              .bind("to", window.end())
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getLong(1),
                          new Bucket(rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getLong(5))))
              .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
          // Players online carried into the range: the last minute stored before it.
          long[] known =
              handle
                  .createQuery(
                      "SELECT epoch_minute, players_online FROM rm_ts_servers"
                          + " WHERE account = :account AND server = :server"
                          + " AND epoch_minute < :from ORDER BY epoch_minute DESC LIMIT 1")
                  .bind("account", account)
                  .bind("server", server)
                  .bind("from", window.first())
                  .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                  .findOne()
                  .orElse(null);
          List<ServerSeries.Point> points = new ArrayList<>(window.count());
          for (int i = 0; i < window.count(); i++) {
            long start = window.first() + (long) i * window.step();
            Bucket bucket = found.get(start / window.step());
            if (bucket != null) {
              points.add(
                  new ServerSeries.Point(
                      window.at(start), bucket.events(), bucket.online(), bucket.peak()));
              known = new long[] {bucket.last(), bucket.online()};
            } else {
              int carried =
                  known != null && start - known[0] <= unresponsiveMinutes ? (int) known[1] : 0;
              points.add(new ServerSeries.Point(window.at(start), 0, carried, carried));
            }
          }
          return new ServerSeries(
              server,
              range.label(),
              window.step() * 60,
              window.at(window.first()),
              window.at(window.end()),
              points);
        });
  }

  /** The events of all {@code account}'s servers over {@code range} up to {@code now}. */
  public EventSeries account(String account, SeriesRange range, Instant now) {
    Window window = Window.of(range, range.serverStep(), now);
    return jdbi.withHandle(
        handle ->
            events(
                handle,
                "SELECT epoch_minute / %1$d, SUM(events) FROM rm_ts_servers"
                    + " WHERE account = :account AND epoch_minute >= :from AND epoch_minute < :to"
                    + " GROUP BY epoch_minute / %1$d",
                account,
                null,
                range,
                window));
  }

  /** {@code player}'s events over {@code range} up to {@code now}. */
  public EventSeries player(String account, String player, SeriesRange range, Instant now) {
    Window window = Window.of(range, range.playerStep(), now);
    return jdbi.withHandle(
        handle ->
            events(
                handle,
                "SELECT epoch_minute / %1$d, SUM(events) FROM rm_ts_players"
                    + " WHERE account = :account AND player = :player"
                    + " AND epoch_minute >= :from AND epoch_minute < :to"
                    + " GROUP BY epoch_minute / %1$d",
                account,
                player,
                range,
                window));
  }

  private static EventSeries events(
      Handle handle, String sql, String account, String player, SeriesRange range, Window window) {
    Map<Long, Long> found = new HashMap<>();
    var query =
        handle
            .createQuery(sql.formatted(window.step()))
            .bind("account", account)
            .bind("from", window.first())
            .bind("to", window.end());
    if (player != null) {
      query.bind("player", player);
    }
    query
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
        .forEach(entry -> found.put(entry.getKey(), entry.getValue()));
    List<EventSeries.Point> points = new ArrayList<>(window.count());
    for (int i = 0; i < window.count(); i++) {
      long start = window.first() + (long) i * window.step();
      points.add(
          new EventSeries.Point(window.at(start), found.getOrDefault(start / window.step(), 0L)));
    }
    return new EventSeries(
        range.label(),
        window.step() * 60,
        window.at(window.first()),
        window.at(window.end()),
        points);
  }
}
