package dev.gamingapi.server.readmodel.profiles;

import dev.gamingapi.server.common.InvalidRequestException;
import dev.gamingapi.server.common.Page;
import dev.gamingapi.server.common.PageRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads player profiles and searches players by name. */
public final class ProfileQueries {
  private final Jdbi jdbi;

  /** Queries over {@code jdbi}. */
  public ProfileQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The profile of {@code player}, empty when no event was about them. */
  public Optional<PlayerProfile> profile(String account, String player) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT name, first_seen, last_seen, sessions, play_ms, kills, deaths, chats"
                        + " FROM rm_players WHERE account = :account AND player = :player")
                .bind("account", account)
                .bind("player", player)
                .map(
                    (rs, ctx) -> {
                      long kills = rs.getLong(6);
                      long deaths = rs.getLong(7);
                      return new PlayerProfile(
                          player,
                          rs.getString(1),
                          Instant.ofEpochMilli(rs.getLong(2)),
                          Instant.ofEpochMilli(rs.getLong(3)),
                          onlineOn(handle, account, player),
                          rs.getLong(4),
                          rs.getLong(5) / 1000,
                          kills,
                          deaths,
                          deaths == 0 ? kills : (double) kills / deaths,
                          rs.getLong(8),
                          stats(handle, account, player),
                          seen(handle, "rm_player_names", "name", account, player),
                          seen(handle, "rm_player_servers", "server", account, player));
                    })
                .findOne());
  }

  private static List<String> onlineOn(Handle handle, String account, String player) {
    return handle
        .createQuery(
            "SELECT server FROM rm_sessions WHERE account = :account AND player = :player"
                + " ORDER BY server")
        .bind("account", account)
        .bind("player", player)
        .mapTo(String.class)
        .list();
  }

  private static Map<String, Double> stats(Handle handle, String account, String player) {
    Map<String, Double> stats = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT stat, value FROM rm_player_stats WHERE account = :account"
                + " AND player = :player ORDER BY stat")
        .bind("account", account)
        .bind("player", player)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getDouble(2)))
        .forEach(entry -> stats.put(entry.getKey(), entry.getValue()));
    return stats;
  }

  private static List<PlayerProfile.Seen> seen(
      Handle handle, String table, String column, String account, String player) {
    return handle
        .createQuery(
            "SELECT "
                + column
                + ", first_seen, last_seen FROM "
                + table
                + " WHERE account = :account AND player = :player ORDER BY first_seen, "
                + column)
        .bind("account", account)
        .bind("player", player)
        .map(
            (rs, ctx) ->
                new PlayerProfile.Seen(
                    rs.getString(1),
                    Instant.ofEpochMilli(rs.getLong(2)),
                    Instant.ofEpochMilli(rs.getLong(3))))
        .list();
  }

  /**
   * Players who ever connected with a name starting with {@code name} (case-insensitive), by player
   * id.
   */
  public Page<PlayerProfile.Summary> search(String account, String name, PageRequest page) {
    if (name == null || name.isBlank() || name.length() > 256) {
      throw new InvalidRequestException("name", "must be 1 to 256 characters");
    }
    String pattern =
        name.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            + "%";
    List<PlayerProfile.Summary> rows =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT p.player, p.name, p.last_seen FROM rm_players p"
                            + " WHERE p.account = :account AND p.player > :after AND EXISTS ("
                            + " SELECT 1 FROM rm_player_names n WHERE n.account = p.account"
                            + " AND n.player = p.player AND LOWER(n.name) LIKE :pattern"
                            + " ESCAPE '\\') ORDER BY p.player LIMIT :limit")
                    .bind("account", account)
                    .bind("after", page.after() == null ? "" : page.after())
                    .bind("pattern", pattern)
                    .bind("limit", page.limit() + 1)
                    .map(
                        (rs, ctx) ->
                            new PlayerProfile.Summary(
                                rs.getString(1),
                                rs.getString(2),
                                Instant.ofEpochMilli(rs.getLong(3))))
                    .list());
    if (rows.size() <= page.limit()) {
      return new Page<>(rows, null);
    }
    List<PlayerProfile.Summary> items = rows.subList(0, page.limit());
    return new Page<>(items, PageRequest.cursorAfter(items.get(items.size() - 1).player()));
  }
}
