package dev.gamingapi.bench;

import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.EventCatalog;
import dev.gamingapi.contract.event.EventData;
import dev.gamingapi.contract.event.EventIds;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ScoreOperator;
import dev.gamingapi.contract.event.ServerHeartbeat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The history benchmarks' events: a tenant's ordinary traffic over {@link #SERVERS} servers of
 * {@link #SLOTS} slots and {@link #PLAYERS} players who come and go, with game time advancing 50 ms
 * per event: heartbeats, connects and disconnects, kills, deaths, chat and scores. Every model and
 * board has work to do.
 */
final class HistoryWorkload {
  static final int SERVERS = 10;
  static final int PLAYERS = 5_000;
  static final int SLOTS = 64;

  private HistoryWorkload() {}

  /**
   * {@code count} events, the same for the same {@code seed}. As on real servers, player events
   * come from the players online: each server holds up to {@link #SLOTS} of them, players join and
   * leave, and everything else is about someone who is there.
   */
  static List<Event> events(int count, long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>(count);
    List<List<String>> online = new ArrayList<>();
    for (int s = 0; s < SERVERS; s++) {
      online.add(new ArrayList<>());
    }
    java.util.Set<String> playing = new java.util.HashSet<>();
    Instant time = Instant.parse("2026-11-23T20:00:00Z");
    for (int i = 0; i < count; i++) {
      time = time.plusMillis(50);
      int index = random.nextInt(SERVERS);
      String server = "s" + index;
      List<String> here = online.get(index);
      int pick = random.nextInt(100);
      EventData data;
      if (pick < 5) {
        data = new ServerHeartbeat(here.size(), SLOTS, "de_dust2", 64.0);
      } else if (pick < 10 && here.size() < SLOTS || here.isEmpty()) {
        String player = "p" + random.nextInt(PLAYERS);
        while (!playing.add(player)) {
          player = "p" + random.nextInt(PLAYERS);
        }
        here.add(player);
        data = new PlayerConnected(player, "Name " + player, null);
      } else if (pick < 15) {
        String player = here.remove(random.nextInt(here.size()));
        playing.remove(player);
        data = new PlayerDisconnected(player, null);
      } else {
        String player = here.get(random.nextInt(here.size()));
        if (pick < 50) {
          data =
              new PlayerKilled(player, here.get(random.nextInt(here.size())), "ak47", null, null);
        } else if (pick < 62) {
          data = new PlayerDied(player, null, "fall");
        } else if (pick < 80) {
          data = new PlayerChatted(player, "Name " + player, "gg " + i, "global");
        } else {
          data = new PlayerScored(player, "points", random.nextInt(100), ScoreOperator.INCR);
        }
      }
      events.add(
          new Event(
              EventIds.next(),
              EventCatalog.typeOf(data),
              server,
              EventCatalog.playerOf(data),
              time,
              data));
    }
    return events;
  }

  /** The boards every history benchmark defines: one per kind of stat, with and without resets. */
  static List<Board> boards() {
    return List.of(
        new Board("kills", Map.of("stat", "kills", "reset", "weekly")),
        new Board("deaths", Map.of("stat", "deaths", "order", "asc")),
        new Board("points", Map.of("stat", "scored.points", "operator", "incr")),
        new Board("play", Map.of("stat", "play_time", "reset", "daily")));
  }

  /**
   * A leaderboard to define.
   *
   * @param name its name
   * @param definition the body of its {@code PUT}: stat, operator, order, reset...
   */
  record Board(String name, Map<String, String> definition) {}
}
