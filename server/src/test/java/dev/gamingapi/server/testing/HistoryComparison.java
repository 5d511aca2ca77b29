package dev.gamingapi.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Compares what the platform answers over REST with a {@link HistoryFold}, field by field. */
public final class HistoryComparison {
  private static final String BASE = "/api/v1/accounts/default";

  private HistoryComparison() {}

  public static void profilesAndStatuses(Api api, HistoryFold fold) {
    assertThat(fold.players).hasSizeGreaterThan(1000);
    for (Map.Entry<String, HistoryFold.Server> entry : fold.servers.entrySet()) {
      HistoryFold.Server want = entry.getValue();
      JsonNode got = api.get(BASE + "/servers/" + entry.getKey() + "/status").json();
      String at = "server " + entry.getKey();
      assertThat(got.path("state").asText()).as(at).isEqualTo(want.state);
      assertThat(got.path("game").textValue()).as(at).isEqualTo(want.game);
      assertThat(got.path("map").textValue()).as(at).isEqualTo(want.map);
      assertThat(millis(got.path("started_at"))).as(at).isEqualTo(want.startedAt);
      assertThat(millis(got.path("stopped_at"))).as(at).isEqualTo(want.stoppedAt);
      assertThat(millis(got.path("last_event_at"))).as(at).isEqualTo(want.lastEventAt);
      assertThat(got.path("last_event_type").asText()).as(at).isEqualTo(want.lastEventType);
      List<String> players =
          want.state.equals("online") ? List.copyOf(want.sessions.keySet()) : List.of();
      List<String> listed = new java.util.ArrayList<>();
      got.path("players").forEach(player -> listed.add(player.asText()));
      assertThat(listed).as(at).isEqualTo(players);
      assertThat(got.path("current_players").asInt()).as(at).isEqualTo(players.size());
    }
    for (Map.Entry<String, HistoryFold.Player> entry : fold.players.entrySet()) {
      HistoryFold.Player want = entry.getValue();
      JsonNode got = api.get(BASE + "/players/" + entry.getKey()).json();
      String at = "player " + entry.getKey();
      assertThat(got.path("name").textValue()).as(at).isEqualTo(want.name);
      assertThat(millis(got.path("first_seen"))).as(at).isEqualTo(want.firstSeen);
      assertThat(millis(got.path("last_seen"))).as(at).isEqualTo(want.lastSeen);
      assertThat(got.path("sessions").asLong()).as(at).isEqualTo(want.sessions);
      assertThat(got.path("play_time_seconds").asLong()).as(at).isEqualTo(want.playMs / 1000);
      assertThat(got.path("kills").asLong()).as(at).isEqualTo(want.kills);
      assertThat(got.path("deaths").asLong()).as(at).isEqualTo(want.deaths);
      assertThat(got.path("chat_messages").asLong()).as(at).isEqualTo(want.chats);
      Map<String, Double> stats = new java.util.TreeMap<>();
      got.path("stats")
          .fields()
          .forEachRemaining(e -> stats.put(e.getKey(), e.getValue().asDouble()));
      assertThat(stats).as(at).isEqualTo(want.stats);
      assertThat(seen(got.path("names"))).as(at + " names").isEqualTo(seen(want.names));
      assertThat(seen(got.path("servers"))).as(at + " servers").isEqualTo(seen(want.servers));
    }
  }

  /**
   * Every row of the time-series model of the default account, read from {@code database}, equals
   * the fold's.
   */
  public static void timeSeries(dev.gamingapi.server.store.Database database, HistoryFold fold) {
    assertThat(fold.serverMinutes).hasSizeGreaterThan(100);
    Map<String, String> servers = new java.util.TreeMap<>();
    Map<String, Long> players = new java.util.TreeMap<>();
    database
        .jdbi()
        .useHandle(
            h -> {
              h.createQuery(
                      "SELECT server, epoch_minute, events, players_online, peak_players"
                          + " FROM rm_ts_servers WHERE account = 'default'")
                  .map(
                      (rs, ctx) ->
                          Map.entry(
                              rs.getString(1) + " " + rs.getLong(2),
                              rs.getLong(3) + "/" + rs.getInt(4) + "/" + rs.getInt(5)))
                  .forEach(row -> servers.put(row.getKey(), row.getValue()));
              h.createQuery(
                      "SELECT player, epoch_minute, events FROM rm_ts_players"
                          + " WHERE account = 'default'")
                  .map((rs, ctx) -> Map.entry(rs.getString(1) + " " + rs.getLong(2), rs.getLong(3)))
                  .forEach(row -> players.put(row.getKey(), row.getValue()));
            });
    assertThat(servers).as("server minutes").isEqualTo(fold.serverMinutes);
    assertThat(players).as("player buckets").isEqualTo(fold.playerBuckets);
  }

  public static void leaderboards(Api api, HistoryFold fold, List<HistoryFold.Board> boards) {
    for (HistoryFold.Board board : boards) {
      java.util.Set<String> periods = fold.scores.getOrDefault(board.name(), Map.of()).keySet();
      assertThat(periods).as(board.name()).isNotEmpty();
      List<String> listed = new java.util.ArrayList<>();
      api.get(BASE + "/leaderboards/" + board.name() + "/periods")
          .json()
          .path("periods")
          .forEach(p -> listed.add(p.asText()));
      assertThat(listed).as(board.name()).containsExactlyInAnyOrderElementsOf(periods);
      for (String period : periods) {
        List<String> got = new java.util.ArrayList<>();
        String cursor = null;
        do {
          JsonNode page =
              api.get(
                      BASE
                          + "/leaderboards/"
                          + board.name()
                          + "/entries?limit=200&period="
                          + period
                          + (cursor == null ? "" : "&cursor=" + cursor))
                  .json();
          page.path("items")
              .forEach(
                  item ->
                      got.add(
                          item.path("rank").asLong()
                              + ":"
                              + item.path("player").asText()
                              + "="
                              + item.path("score").asDouble()));
          cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        assertThat(got).as(board.name() + " " + period).isEqualTo(fold.entries(board, period));
      }
    }
  }

  private static Map<String, List<Long>> seen(JsonNode list) {
    Map<String, List<Long>> seen = new java.util.TreeMap<>();
    list.forEach(
        item ->
            seen.put(
                item.path("value").asText(),
                List.of(millis(item.path("first_seen")), millis(item.path("last_seen")))));
    return seen;
  }

  private static Map<String, List<Long>> seen(Map<String, long[]> want) {
    Map<String, List<Long>> seen = new java.util.TreeMap<>();
    want.forEach((key, range) -> seen.put(key, List.of(range[0], range[1])));
    return seen;
  }

  private static Long millis(JsonNode time) {
    return time.isNull() || time.isMissingNode()
        ? null
        : Instant.parse(time.asText()).toEpochMilli();
  }
}
