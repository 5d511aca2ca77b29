package dev.gamingapi.server.readmodel.leaderboards;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.server.store.BatchSql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The leaderboards of one batch: the scores the batch's players hold in the periods its events fall
 * in, loaded at once, changed in memory in log order, and written back at once with the rank index
 * ({@link #flush}). A score outside what was loaded (a play-time session that began in an earlier
 * period) is read when first needed.
 */
public final class BoardBatch {
  /** A player's score on a board in a period, and its rank key as loaded (null: new). */
  private static final class Entry {
    double score;
    long reached;
    RankKey loaded;
    boolean changed;
    boolean cached; // as the cache gave it (not read from the database)

    /** An entry as the cache knows it. */
    static Entry cached(EntryCache.Stored stored, String player) {
      Entry entry = stored(stored.score(), stored.rankScore(), stored.reached(), player);
      entry.cached = true;
      return entry;
    }

    /** An entry as stored. */
    static Entry stored(double score, double rankScore, long reached, String player) {
      Entry entry = new Entry();
      entry.score = score;
      entry.reached = reached;
      entry.loaded = new RankKey(rankScore, reached, player);
      return entry;
    }
  }

  private record Scope(String board, String period) {}

  /** The scores of some players in a board period ({@link BatchSql#in}). */
  static final String LOAD =
      "SELECT score, rank_score, reached_seq, player FROM rm_board_entries"
          + " WHERE account = ? AND board = ? AND period = ? AND player IN (%s)";

  private final String account;
  private final List<Board> boards;
  private final RankBlocks blocks;
  private final BatchSql sql;
  private final Map<EntryCache.Key, Entry> entries = new HashMap<>();
  // The scores loaded at once for the batch: a key loaded and not in entries has no score.
  private final Set<EntryCache.Key> loaded = new HashSet<>();
  private final EntryCache cache;
  // Keys read one by one and found empty (a play-time session from an earlier period).
  private final Set<EntryCache.Key> absent = new HashSet<>();
  private final Periods.Memo periods = new Periods.Memo();

  private BoardBatch(
      String account, List<Board> boards, RankBlocks blocks, BatchSql sql, EntryCache cache) {
    this.account = account;
    this.cache = cache;
    this.boards = boards;
    this.blocks = blocks;
    this.sql = sql;
  }

  /**
   * The scores the player events of {@code events} count on, each on its board in its event's
   * period: from {@code cache} when it knows them, else from the database. Only those: loading
   * every player of the batch on every board period cost more than the rest of the fold. A score
   * the batch needs beyond them (sessions a server's stop closes, a session begun in an earlier
   * period) is read when first needed.
   */
  static BoardBatch load(
      BatchSql sql,
      String account,
      List<Board> boards,
      RankBlocks blocks,
      Collection<Event> events,
      EntryCache cache) {
    BoardBatch batch = new BoardBatch(account, boards, blocks, sql, cache);
    Map<Scope, Set<String>> wanted = new LinkedHashMap<>();
    for (Event event : events) {
      if (event.playerId() == null) {
        continue;
      }
      for (Board board : boards) {
        if (counts(board, event)) {
          wanted
              .computeIfAbsent(
                  new Scope(board.name(), batch.period(board, event.time())),
                  scope -> new LinkedHashSet<>())
              .add(event.playerId());
        }
      }
    }
    wanted.forEach(
        (scope, players) -> {
          List<String> unknown = new ArrayList<>();
          for (String player : players) {
            EntryCache.Key key = new EntryCache.Key(scope.board(), scope.period(), player);
            batch.loaded.add(key);
            EntryCache.Stored stored = cache.get(key);
            if (stored == null) {
              unknown.add(player);
            } else if (stored != EntryCache.ABSENT) {
              batch.entries.put(key, Entry.cached(stored, player));
            }
          }
          for (Entry entry :
              sql.in(
                  LOAD,
                  List.of(account, scope.board(), scope.period()),
                  unknown,
                  rs ->
                      Entry.stored(
                          rs.getDouble(1), rs.getDouble(2), rs.getLong(3), rs.getString(4)))) {
            batch.entries.put(
                new EntryCache.Key(scope.board(), scope.period(), entry.loaded.player()), entry);
          }
        });
    return batch;
  }

  // Whether player event event changes a score on board: a value of the board's stat, or the end
  // of a session on a play-time board.
  private static boolean counts(Board board, Event event) {
    return board.covers(event.serverId())
        && (value(board, event) != null
            || board.stat().equals("play_time") && event.data() instanceof PlayerDisconnected);
  }

  // What event adds to board's stat, null when nothing.
  private static Double value(Board board, Event event) {
    return switch (event.data()) {
      case PlayerKilled killed when board.stat().equals("kills") -> 1.0;
      case PlayerDied died when board.stat().equals("deaths") -> 1.0;
      case PlayerScored scored when board.stat().equals("scored." + scored.stat()) ->
          scored.value();
      default -> null;
    };
  }

  /**
   * Scores of {@code boards} that have none stored yet (a backfill from the log): nothing is read
   * from the database, every score starts from nothing.
   */
  static BoardBatch fresh(String account, List<Board> boards, RankBlocks blocks) {
    return new BoardBatch(account, boards, blocks, null, EntryCache.empty());
  }

  /** Adds player event {@code event} (stream sequence {@code seq}) to every board it counts on. */
  public void apply(Event event, long seq) {
    for (Board board : boards) {
      if (!board.covers(event.serverId())) {
        continue;
      }
      Double value = value(board, event);
      if (value != null) {
        score(board, period(board, event.time()), event.playerId(), value, seq);
      }
    }
  }

  /**
   * Adds a closed session to the play-time boards, split at their period boundaries (a session
   * across midnight counts on both days).
   */
  public void session(String server, String player, long start, long end, long seq) {
    for (Board board : boards) {
      if (!board.stat().equals("play_time") || !board.covers(server) || end <= start) {
        continue;
      }
      long from = start;
      while (from < end) {
        Periods.Span span = periods.span(board, Instant.ofEpochMilli(from));
        long to = span.end() == null ? end : Math.min(end, span.end().toEpochMilli());
        score(board, span.key(), player, (to - from) / 1000.0, seq);
        from = to;
      }
    }
  }

  private String period(Board board, Instant at) {
    return periods.span(board, at).key();
  }

  // The score after one more value, as the board's operator combines them.
  private static double combine(Board board, double current, double value) {
    return switch (board.operator()) {
      case "best" ->
          board.order().equals("asc") ? Math.min(current, value) : Math.max(current, value);
      case "set" -> value;
      case "decr" -> current - value;
      default -> current + value; // incr
    };
  }

  private void score(Board board, String period, String player, double value, long seq) {
    EntryCache.Key key = new EntryCache.Key(board.name(), period, player);
    Entry entry = entries.get(key);
    if (entry == null && !loaded.contains(key)) {
      entry = loadOne(key);
    }
    if (entry == null) {
      entry = new Entry();
      entry.score = board.operator().equals("decr") ? 0.0 - value : value;
      entry.reached = seq;
      entry.changed = true;
      entries.put(key, entry);
      return;
    }
    double score = combine(board, entry.score, value);
    if (score == entry.score) {
      return; // the same score: who reached it first keeps their place
    }
    entry.score = score;
    entry.reached = seq;
    entry.changed = true;
  }

  private Entry loadOne(EntryCache.Key key) {
    EntryCache.Stored stored = cache.get(key);
    if (stored == EntryCache.ABSENT) {
      return null;
    }
    Entry entry =
        stored != null
            ? Entry.cached(stored, key.player())
            : sql
                .query(
                    "SELECT score, rank_score, reached_seq FROM rm_board_entries WHERE account = ?"
                        + " AND board = ? AND period = ? AND player = ?",
                    List.of(account, key.board(), key.period(), key.player()),
                    rs ->
                        Entry.stored(rs.getDouble(1), rs.getDouble(2), rs.getLong(3), key.player()))
                .stream()
                .findFirst()
                .orElse(null);
    if (entry == null) {
      absent.add(key);
    } else {
      entries.put(key, entry);
    }
    return entry;
  }

  /**
   * What to do once the batch's transaction has committed: tell the cache what is now stored for
   * every score the batch read or wrote (and for the players it found without one).
   */
  public Runnable committed() {
    Map<String, Board> byName = new HashMap<>();
    boards.forEach(board -> byName.put(board.name(), board));
    Map<EntryCache.Key, EntryCache.Stored> stored = new HashMap<>();
    entries.forEach(
        (key, entry) -> {
          // A score the cache gave and the batch left as it was is there already.
          if (entry.changed || !entry.cached) {
            stored.put(
                key,
                new EntryCache.Stored(
                    entry.score,
                    RankKey.rankScore(byName.get(key.board()), entry.score),
                    entry.reached));
          }
        });
    for (Set<EntryCache.Key> keys : List.of(loaded, absent)) {
      for (EntryCache.Key key : keys) {
        if (!entries.containsKey(key)) {
          stored.put(key, EntryCache.ABSENT);
        }
      }
    }
    return () -> cache.putAll(stored);
  }

  /** Writes the changed scores, then the rank index of every board period they are in. */
  public void flush(Handle handle) {
    writeScores(handle, true);
  }

  /** Writes the scores alone; the caller builds the rank index (a backfill: in bulk). */
  void writeScoresOnly(Handle handle) {
    writeScores(handle, false);
  }

  private void writeScores(Handle handle, boolean withBlocks) {
    BatchSql sql = new BatchSql(handle);
    Map<String, Board> byName = new HashMap<>();
    boards.forEach(board -> byName.put(board.name(), board));
    List<Map.Entry<EntryCache.Key, Entry>> changed = new ArrayList<>();
    Map<Scope, List<Map.Entry<EntryCache.Key, Entry>>> byScope = new LinkedHashMap<>();
    entries.forEach(
        (key, entry) -> {
          if (entry.changed) {
            changed.add(Map.entry(key, entry));
            byScope
                .computeIfAbsent(new Scope(key.board(), key.period()), s -> new ArrayList<>())
                .add(Map.entry(key, entry));
          }
        });
    sql.batch(
        "INSERT INTO rm_board_entries (account, board, period, player, score, rank_score,"
            + " reached_seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, board, period,"
            + " player) DO UPDATE SET score = excluded.score, rank_score = excluded.rank_score,"
            + " reached_seq = excluded.reached_seq",
        changed,
        (statement, item) -> {
          Board board = byName.get(item.getKey().board());
          statement.setString(1, account);
          statement.setString(2, item.getKey().board());
          statement.setString(3, item.getKey().period());
          statement.setString(4, item.getKey().player());
          statement.setDouble(5, item.getValue().score);
          statement.setDouble(6, RankKey.rankScore(board, item.getValue().score));
          statement.setLong(7, item.getValue().reached);
        });
    if (!withBlocks) {
      return;
    }
    byScope.forEach(
        (scope, items) -> {
          RankBlocks.Scope where = new RankBlocks.Scope(account, scope.board(), scope.period());
          BlockMap map = new BlockMap(RankBlocks.load(handle, where));
          Board board = byName.get(scope.board());
          for (Map.Entry<EntryCache.Key, Entry> item : items) {
            Entry entry = item.getValue();
            RankKey now = RankKey.of(board, entry.score, entry.reached, item.getKey().player());
            if (entry.loaded == null) {
              map.add(now);
            } else {
              map.move(entry.loaded, now);
            }
          }
          blocks.write(handle, where, map.changes());
        });
  }
}
