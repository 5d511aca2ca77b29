package dev.gamingapi.server.readmodel.profiles;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.server.readmodel.leaderboards.BoardStore;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The player-profile model's SQL, applied event by event in log order. Sessions open on {@code
 * player.connected} (a second connect to the same server continues the open session) and close on
 * {@code player.disconnected}, {@code server.started}/{@code server.stopped} of their server, or
 * the server's silence ({@link #closeAll}); a closed session adds {@code max(0, end - start)}.
 */
public final class ProfileStore {
  private final BoardStore boards;

  /** Profiles that report closed sessions to {@code boards} (play-time leaderboards). */
  public ProfileStore(BoardStore boards) {
    this.boards = boards;
  }

  private static final String TOUCH =
      """
      INSERT INTO rm_players (account, player, name, first_seen, last_seen, sessions, play_ms,
        kills, deaths, chats)
      VALUES (:account, :player, :name, :at, :at, 0, 0, :kills, :deaths, :chats)
      ON CONFLICT (account, player) DO UPDATE SET
        name = COALESCE(excluded.name, rm_players.name),
        first_seen = CASE WHEN excluded.first_seen < rm_players.first_seen
          THEN excluded.first_seen ELSE rm_players.first_seen END,
        last_seen = CASE WHEN excluded.last_seen > rm_players.last_seen
          THEN excluded.last_seen ELSE rm_players.last_seen END,
        kills = rm_players.kills + excluded.kills,
        deaths = rm_players.deaths + excluded.deaths,
        chats = rm_players.chats + excluded.chats
      """;

  private static final String SEEN_ON =
      """
      INSERT INTO %s (account, player, %s, first_seen, last_seen)
      VALUES (:account, :player, :key, :at, :at)
      ON CONFLICT (account, player, %s) DO UPDATE SET
        first_seen = CASE WHEN excluded.first_seen < %s.first_seen
          THEN excluded.first_seen ELSE %s.first_seen END,
        last_seen = CASE WHEN excluded.last_seen > %s.last_seen
          THEN excluded.last_seen ELSE %s.last_seen END
      """;

  private static final String STAT =
      """
      INSERT INTO rm_player_stats (account, player, stat, value)
      VALUES (:account, :player, :stat, :initial)
      ON CONFLICT (account, player, stat) DO UPDATE SET value = %s
      """;

  /** Folds player event {@code event} (one with a player id) into the player's profile. */
  public void apply(Handle handle, String account, Event event, long seq) {
    String player = event.playerId();
    long at = event.time().toEpochMilli();
    String name = null;
    int kills = 0;
    int deaths = 0;
    int chats = 0;
    switch (event.data()) {
      case PlayerConnected connected -> {
        name = connected.name();
        handle
            .createUpdate(
                "INSERT INTO rm_sessions (account, server, player, since)"
                    + " VALUES (:account, :server, :player, :at)"
                    + " ON CONFLICT (account, server, player) DO NOTHING")
            .bind("account", account)
            .bind("server", event.serverId())
            .bind("player", player)
            .bind("at", at)
            .execute();
      }
      case PlayerDisconnected disconnected ->
          close(handle, account, event.serverId(), player, at, seq);
      case PlayerKilled killed -> kills = 1;
      case PlayerDied died -> deaths = 1;
      case PlayerChatted chatted -> chats = 1;
      case PlayerScored scored -> stat(handle, account, player, scored);
      default -> {}
    }
    handle
        .createUpdate(TOUCH)
        .bind("account", account)
        .bind("player", player)
        .bind("name", name)
        .bind("at", at)
        .bind("kills", kills)
        .bind("deaths", deaths)
        .bind("chats", chats)
        .execute();
    seenOn(handle, "rm_player_servers", "server", account, player, event.serverId(), at);
    if (name != null) {
      seenOn(handle, "rm_player_names", "name", account, player, name, at);
    }
  }

  private static void seenOn(
      Handle handle,
      String table,
      String column,
      String account,
      String player,
      String key,
      long at) {
    String sql = SEEN_ON.formatted(table, column, column, table, table, table, table);
    handle
        .createUpdate(sql)
        .bind("account", account)
        .bind("player", player)
        .bind("key", key)
        .bind("at", at)
        .execute();
  }

  private static void stat(Handle handle, String account, String player, PlayerScored scored) {
    String current = "rm_player_stats.value";
    String update =
        switch (scored.operator()) {
          case BEST ->
              "CASE WHEN excluded.value > "
                  + current
                  + " THEN excluded.value ELSE "
                  + current
                  + " END";
          case SET -> "excluded.value";
          case INCR -> current + " + excluded.value";
          // excluded.value is the negated value (see initial)
          case DECR -> current + " + excluded.value";
        };
    double initial =
        switch (scored.operator()) {
          // 0 - v, not -v: a first decr of 0 stores 0.0, never -0.0 (PostgreSQL keeps the sign)
          case DECR -> 0.0 - scored.value();
          default -> scored.value();
        };
    handle
        .createUpdate(STAT.formatted(update))
        .bind("account", account)
        .bind("player", player)
        .bind("stat", scored.stat())
        .bind("initial", initial)
        .execute();
  }

  /** Closes the open session of {@code player} on {@code server} at {@code end}, if any. */
  public void close(
      Handle handle, String account, String server, String player, long end, long seq) {
    List<Long> since =
        handle
            .createQuery(
                "SELECT since FROM rm_sessions"
                    + " WHERE account = :account AND server = :server AND player = :player")
            .bind("account", account)
            .bind("server", server)
            .bind("player", player)
            .mapTo(Long.class)
            .list();
    if (since.isEmpty()) {
      return;
    }
    handle
        .createUpdate(
            "DELETE FROM rm_sessions"
                + " WHERE account = :account AND server = :server AND player = :player")
        .bind("account", account)
        .bind("server", server)
        .bind("player", player)
        .execute();
    handle
        .createUpdate(
            "UPDATE rm_players SET sessions = sessions + 1, play_ms = play_ms + :ms"
                + " WHERE account = :account AND player = :player")
        .bind("ms", Math.max(0, end - since.get(0)))
        .bind("account", account)
        .bind("player", player)
        .execute();
    boards.session(handle, account, server, player, since.get(0), end, seq);
  }

  /** Closes every open session on {@code server} at {@code end} (stop, start, silence). */
  public void closeAll(Handle handle, String account, String server, long end, long seq) {
    List<String> players =
        handle
            .createQuery(
                "SELECT player FROM rm_sessions WHERE account = :account AND server = :server")
            .bind("account", account)
            .bind("server", server)
            .mapTo(String.class)
            .list();
    for (String player : players) {
      close(handle, account, server, player, end, seq);
    }
  }
}
