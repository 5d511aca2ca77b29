package dev.gamingapi.server.readmodel.timeseries;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.server.store.BatchSql;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time-series model of one batch: what its events add to each (server, minute) and (player, ten
 * minutes) bucket, gathered in memory in log order and written at once ({@link #flush}) as upserts
 * that add to the stored row, so a batch never reads the model. Buckets go by the events' own
 * times. Players online is the count after the minute's last event in log order; the peak is the
 * most players online after any event of the minute.
 */
public final class SeriesBatch {
  /** Minutes in a player's bucket: a week is 1,008 rows for a player online all the time. */
  public static final int PLAYER_MINUTES = 10;

  private record ServerMinute(String server, long minute) {}

  private record PlayerBucket(String player, long minute) {}

  /** What the batch adds to a server's minute. */
  private static final class Minute {
    long events;
    int online;
    int peak;
  }

  private final String account;
  private final Map<ServerMinute, Minute> servers = new LinkedHashMap<>();
  private final Map<PlayerBucket, long[]> players = new LinkedHashMap<>();
  private long newestMinute = Long.MIN_VALUE;

  /** An empty batch of {@code account}. */
  public SeriesBatch(String account) {
    this.account = account;
  }

  /**
   * Counts {@code event}, after which {@code online} players are online on its server (as the
   * sessions of the player-profile model say).
   */
  public void add(Event event, int online) {
    long minute = Math.floorDiv(event.time().toEpochMilli(), 60_000L);
    newestMinute = Math.max(newestMinute, minute);
    Minute bucket =
        servers.computeIfAbsent(new ServerMinute(event.serverId(), minute), k -> new Minute());
    bucket.events++;
    bucket.online = online;
    bucket.peak = Math.max(bucket.peak, online);
    if (event.playerId() != null) {
      long start = Math.floorDiv(minute, PLAYER_MINUTES) * PLAYER_MINUTES;
      players.computeIfAbsent(new PlayerBucket(event.playerId(), start), k -> new long[1])[0]++;
    }
  }

  /** The newest minute of the batch's events, {@link Long#MIN_VALUE} for none. */
  public long newestMinute() {
    return newestMinute;
  }

  /** Writes what the batch added. */
  public void flush(BatchSql sql) {
    sql.batch(
        "INSERT INTO rm_ts_servers (account, server, epoch_minute, events, players_online,"
            + " peak_players) VALUES (?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (account, server, epoch_minute) DO UPDATE SET"
            + " events = rm_ts_servers.events + excluded.events,"
            + " players_online = excluded.players_online,"
            + " peak_players = CASE WHEN excluded.peak_players > rm_ts_servers.peak_players"
            + " THEN excluded.peak_players ELSE rm_ts_servers.peak_players END",
        servers.entrySet(),
        (statement, entry) -> {
          Minute bucket = entry.getValue();
          statement.setString(1, account);
          statement.setString(2, entry.getKey().server());
          statement.setLong(3, entry.getKey().minute());
          statement.setLong(4, bucket.events);
          statement.setInt(5, bucket.online);
          statement.setInt(6, bucket.peak);
        });
    sql.batch(
        "INSERT INTO rm_ts_players (account, player, epoch_minute, events) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (account, player, epoch_minute) DO UPDATE SET"
            + " events = rm_ts_players.events + excluded.events",
        players.entrySet(),
        (statement, entry) -> {
          statement.setString(1, account);
          statement.setString(2, entry.getKey().player());
          statement.setLong(3, entry.getKey().minute());
          statement.setLong(4, entry.getValue()[0]);
        });
  }
}
