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
import java.util.Random;

/**
 * The history benchmarks' events: a tenant's ordinary traffic over {@link #SERVERS} servers and
 * {@link #PLAYERS} players, with game time advancing 50 ms per event: heartbeats, connects and
 * disconnects, kills with their deaths, chat and scores. Every model and board has work to do.
 */
final class HistoryWorkload {
  static final int SERVERS = 10;
  static final int PLAYERS = 5_000;

  private HistoryWorkload() {}

  /** {@code count} events, the same for the same {@code seed}. */
  static List<Event> events(int count, long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>(count);
    Instant time = Instant.parse("2026-11-23T20:00:00Z");
    for (int i = 0; i < count; i++) {
      time = time.plusMillis(50);
      String server = "s" + random.nextInt(SERVERS);
      String player = "p" + random.nextInt(PLAYERS);
      int pick = random.nextInt(100);
      EventData data;
      if (pick < 5) {
        data = new ServerHeartbeat(random.nextInt(64), 64, "de_dust2", 64.0);
      } else if (pick < 12) {
        data = new PlayerConnected(player, "Name " + player, null);
      } else if (pick < 18) {
        data = new PlayerDisconnected(player, null);
      } else if (pick < 50) {
        data = new PlayerKilled(player, "p" + random.nextInt(PLAYERS), "ak47", null, null);
      } else if (pick < 62) {
        data = new PlayerDied(player, null, "fall");
      } else if (pick < 80) {
        data = new PlayerChatted(player, "Name " + player, "gg " + i, "global");
      } else {
        data = new PlayerScored(player, "points", random.nextInt(100), ScoreOperator.INCR);
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
  static List<String[]> boards() {
    return List.of(
        new String[] {"kills", "{\"stat\":\"kills\",\"reset\":\"weekly\"}"},
        new String[] {"deaths", "{\"stat\":\"deaths\",\"order\":\"asc\"}"},
        new String[] {"points", "{\"stat\":\"scored.points\",\"operator\":\"incr\"}"},
        new String[] {"play", "{\"stat\":\"play_time\",\"reset\":\"daily\"}"});
  }
}
