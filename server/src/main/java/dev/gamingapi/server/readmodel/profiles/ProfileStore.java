package dev.gamingapi.server.readmodel.profiles;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerRespawned;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.server.readmodel.leaderboards.BoardBatch;
import dev.gamingapi.server.store.BatchSql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The player-profile model of one batch: the open sessions of its servers and the stats of its
 * scoring players are loaded at once and changed in memory event by event in log order; counters
 * and first/last times are gathered as one change per row and written at once ({@link #flush}) as
 * upserts that add to what is stored, so the batch never reads those rows. Sessions open on {@code
 * player.connected} (a second connect to the same server continues the open session), or on the
 * first kill, death, chat or respawn of a player with none open, and close on {@code
 * player.disconnected}, {@code server.started}/{@code server.stopped} of their server, or the
 * server's silence ({@link #closeAll}); a closed session adds {@code max(0, end - start)}.
 */
public final class ProfileStore {
  /** What the batch adds to a player's row: counters to add, times to widen, the last name. */
  private static final class Player {
    String name;
    long firstSeen;
    long lastSeen;
    long sessions;
    long playMs;
    long kills;
    long deaths;
    long chats;
  }

  /** A (player, key) pair: a stat, a name, a server. */
  private record Pair(String player, String key) {}

  private final String account;
  private final BoardBatch boards;
  private final Map<String, Player> players = new LinkedHashMap<>();
  private final Map<Pair, Double> stats = new HashMap<>();
  private final Set<Pair> changedStats = new LinkedHashSet<>();
  private final Map<Pair, long[]> names = new LinkedHashMap<>();
  private final Map<Pair, long[]> servers = new LinkedHashMap<>();
  // Open sessions by server, then player; and as loaded, to write only the difference.
  private final Map<String, TreeMap<String, Long>> sessions = new HashMap<>();
  private final Map<Pair, Long> loadedSessions = new HashMap<>();

  private ProfileStore(String account, BoardBatch boards) {
    this.account = account;
    this.boards = boards;
  }

  /**
   * No session open and no stat yet: a replay of the log from its start (a board's backfill), whose
   * closed sessions score {@code boards}. Nothing of it is ever written.
   */
  public static ProfileStore empty(String account, BoardBatch boards) {
    return new ProfileStore(account, boards);
  }

  /**
   * The open sessions of {@code servers} and the stats of {@code scorers} (the players with a
   * {@code player.scored} in the batch) of {@code account}, for one batch whose closed sessions
   * score the play-time boards of {@code boards}.
   */
  public static ProfileStore load(
      BatchSql sql,
      String account,
      Collection<String> servers,
      Collection<String> scorers,
      BoardBatch boards) {
    ProfileStore store = new ProfileStore(account, boards);
    for (String server : servers) {
      store.sessions.put(server, new TreeMap<>());
    }
    record Row(Pair key, double value) {}
    for (Row open :
        sql.in(
            "SELECT player, server, since FROM rm_sessions WHERE account = ? AND server IN (%s)",
            List.of(account),
            servers,
            rs -> new Row(new Pair(rs.getString(1), rs.getString(2)), rs.getLong(3)))) {
      long since = (long) open.value();
      store.sessions.get(open.key().key()).put(open.key().player(), since);
      store.loadedSessions.put(open.key(), since);
    }
    for (Row stat :
        sql.in(
            "SELECT player, stat, value FROM rm_player_stats WHERE account = ? AND player IN (%s)",
            List.of(account),
            scorers,
            rs -> new Row(new Pair(rs.getString(1), rs.getString(2)), rs.getDouble(3)))) {
      store.stats.put(stat.key(), stat.value());
    }
    return store;
  }

  /** Folds player event {@code event} (one with a player id) into the player's profile. */
  public void apply(Event event, long seq) {
    String id = event.playerId();
    long at = event.time().toEpochMilli();
    String name = null;
    Player player = player(id);
    switch (event.data()) {
      case PlayerConnected connected -> {
        name = connected.name();
        sessions.computeIfAbsent(event.serverId(), s -> new TreeMap<>()).putIfAbsent(id, at);
      }
      case PlayerDisconnected disconnected -> close(event.serverId(), id, at, seq);
      case PlayerKilled killed -> {
        player.kills++;
        present(event.serverId(), id, at);
      }
      case PlayerDied died -> {
        player.deaths++;
        present(event.serverId(), id, at);
      }
      case PlayerChatted chatted -> {
        player.chats++;
        present(event.serverId(), id, at);
      }
      case PlayerRespawned respawned -> present(event.serverId(), id, at);
      case PlayerScored scored -> stat(id, scored);
      default -> {}
    }
    if (name != null) {
      player.name = name;
      seen(names, new Pair(id, name), at);
    }
    player.firstSeen = Math.min(player.firstSeen, at);
    player.lastSeen = Math.max(player.lastSeen, at);
    seen(servers, new Pair(id, event.serverId()), at);
  }

  // The batch's change to a player's row; times start out of range, so they change nothing stored
  // until an event of the player sets them.
  private Player player(String id) {
    return players.computeIfAbsent(
        id,
        key -> {
          Player player = new Player();
          player.firstSeen = Long.MAX_VALUE;
          player.lastSeen = Long.MIN_VALUE;
          return player;
        });
  }

  private static void seen(Map<Pair, long[]> rows, Pair key, long at) {
    long[] times = rows.get(key);
    if (times == null) {
      rows.put(key, new long[] {at, at});
    } else {
      times[0] = Math.min(times[0], at);
      times[1] = Math.max(times[1], at);
    }
  }

  private void stat(String player, PlayerScored scored) {
    Pair key = new Pair(player, scored.stat());
    Double old = stats.get(key);
    double value = scored.value();
    double now =
        switch (scored.operator()) {
          case BEST -> old == null || value > old ? value : old;
          case SET -> value;
          case INCR -> old == null ? value : old + value;
          // 0 - v, not -v: a first decr of 0 stores 0.0, never -0.0 (PostgreSQL keeps the sign)
          case DECR -> old == null ? 0.0 - value : old + (0.0 - value);
        };
    stats.put(key, now);
    changedStats.add(key);
  }

  /**
   * A player who kills, dies, chats or respawns is on the server, even if its connect was never
   * logged (published before the platform knew the server, lost by the game's log): a session opens
   * at this event unless one is open. Scores, bans and reports do not: they may be about a player
   * who is away.
   */
  private void present(String server, String player, long at) {
    sessions.computeIfAbsent(server, s -> new TreeMap<>()).putIfAbsent(player, at);
  }

  /** How many players have a session open on {@code server} as the batch left it so far. */
  public int online(String server) {
    TreeMap<String, Long> open = sessions.get(server);
    return open == null ? 0 : open.size();
  }

  /** Closes the open session of {@code player} on {@code server} at {@code end}, if any. */
  public void close(String server, String player, long end, long seq) {
    TreeMap<String, Long> open = sessions.get(server);
    Long since = open == null ? null : open.remove(player);
    if (since == null) {
      return;
    }
    Player row = player(player);
    row.sessions++;
    row.playMs += Math.max(0, end - since);
    boards.session(server, player, since, end, seq);
  }

  /** Closes every open session on {@code server} at {@code end} (stop, start, silence). */
  public void closeAll(String server, long end, long seq) {
    TreeMap<String, Long> open = sessions.get(server);
    if (open == null) {
      return;
    }
    for (String player : new ArrayList<>(open.keySet())) {
      close(server, player, end, seq);
    }
  }

  /** Writes what the batch changed. */
  public void flush(BatchSql sql) {
    sql.batch(
        "INSERT INTO rm_players (account, player, name, first_seen, last_seen, sessions, play_ms,"
            + " kills, deaths, chats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (account, player) DO UPDATE SET"
            + " name = COALESCE(excluded.name, rm_players.name),"
            + " first_seen = CASE WHEN excluded.first_seen < rm_players.first_seen"
            + " THEN excluded.first_seen ELSE rm_players.first_seen END,"
            + " last_seen = CASE WHEN excluded.last_seen > rm_players.last_seen"
            + " THEN excluded.last_seen ELSE rm_players.last_seen END,"
            + " sessions = rm_players.sessions + excluded.sessions,"
            + " play_ms = rm_players.play_ms + excluded.play_ms,"
            + " kills = rm_players.kills + excluded.kills,"
            + " deaths = rm_players.deaths + excluded.deaths,"
            + " chats = rm_players.chats + excluded.chats",
        players.entrySet(),
        (statement, entry) -> {
          Player p = entry.getValue();
          statement.setString(1, account);
          statement.setString(2, entry.getKey());
          BatchSql.setString(statement, 3, p.name);
          statement.setLong(4, p.firstSeen);
          statement.setLong(5, p.lastSeen);
          statement.setLong(6, p.sessions);
          statement.setLong(7, p.playMs);
          statement.setLong(8, p.kills);
          statement.setLong(9, p.deaths);
          statement.setLong(10, p.chats);
        });
    sql.batch(
        "INSERT INTO rm_player_stats (account, player, stat, value) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (account, player, stat) DO UPDATE SET value = excluded.value",
        changedStats,
        (statement, key) -> {
          statement.setString(1, account);
          statement.setString(2, key.player());
          statement.setString(3, key.key());
          statement.setDouble(4, stats.get(key));
        });
    writeSeen(sql, "rm_player_names", "name", names);
    writeSeen(sql, "rm_player_servers", "server", servers);
    flushSessions(sql);
  }

  private void writeSeen(BatchSql sql, String table, String column, Map<Pair, long[]> rows) {
    sql.batch(
        ("INSERT INTO %1$s (account, player, %2$s, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (account, player, %2$s) DO UPDATE SET"
                + " first_seen = CASE WHEN excluded.first_seen < %1$s.first_seen"
                + " THEN excluded.first_seen ELSE %1$s.first_seen END,"
                + " last_seen = CASE WHEN excluded.last_seen > %1$s.last_seen"
                + " THEN excluded.last_seen ELSE %1$s.last_seen END")
            .formatted(table, column),
        rows.keySet(),
        (statement, key) -> {
          long[] times = rows.get(key);
          statement.setString(1, account);
          statement.setString(2, key.player());
          statement.setString(3, key.key());
          statement.setLong(4, times[0]);
          statement.setLong(5, times[1]);
        });
  }

  private void flushSessions(BatchSql sql) {
    List<Pair> gone = new ArrayList<>();
    List<Map.Entry<Pair, Long>> open = new ArrayList<>();
    Map<Pair, Long> now = new HashMap<>();
    sessions.forEach(
        (server, players) -> players.forEach((p, since) -> now.put(new Pair(p, server), since)));
    loadedSessions.forEach(
        (key, since) -> {
          if (!now.containsKey(key)) {
            gone.add(key);
          }
        });
    now.forEach(
        (key, since) -> {
          if (!since.equals(loadedSessions.get(key))) {
            open.add(Map.entry(key, since));
          }
        });
    sql.batch(
        "DELETE FROM rm_sessions WHERE account = ? AND server = ? AND player = ?",
        gone,
        (statement, key) -> {
          statement.setString(1, account);
          statement.setString(2, key.key());
          statement.setString(3, key.player());
        });
    sql.batch(
        "INSERT INTO rm_sessions (account, server, player, since) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (account, server, player) DO UPDATE SET since = excluded.since",
        open,
        (statement, entry) -> {
          statement.setString(1, account);
          statement.setString(2, entry.getKey().key());
          statement.setString(3, entry.getKey().player());
          statement.setLong(4, entry.getValue());
        });
  }
}
