package dev.gamingapi.server.testing;

import dev.gamingapi.contract.ContractException;
import dev.gamingapi.contract.cloudevents.CloudEventsCodec;
import dev.gamingapi.contract.event.Event;
import dev.gamingapi.contract.event.PlayerChatted;
import dev.gamingapi.contract.event.PlayerConnected;
import dev.gamingapi.contract.event.PlayerDied;
import dev.gamingapi.contract.event.PlayerDisconnected;
import dev.gamingapi.contract.event.PlayerKilled;
import dev.gamingapi.contract.event.PlayerRespawned;
import dev.gamingapi.contract.event.PlayerScored;
import dev.gamingapi.contract.event.ServerHeartbeat;
import dev.gamingapi.contract.event.ServerStarted;
import dev.gamingapi.contract.event.ServerStopped;
import dev.gamingapi.contract.event.UnknownEventData;
import dev.gamingapi.contract.subject.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamOptions;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rules of docs/history.md as a plain in-memory fold over the messages of a log, written
 * without the platform's code, to check what the platform computed.
 */
public final class HistoryFold {
  private static final Duration API_TIMEOUT = Duration.ofSeconds(30);

  static final class Server {
    String state;
    String game;
    String map;
    Long startedAt;
    Long stoppedAt;
    long lastEventAt;
    String lastEventType;
    final Map<String, Long> sessions = new TreeMap<>();
  }

  static final class Player {
    String name;
    long firstSeen = Long.MAX_VALUE;
    long lastSeen = Long.MIN_VALUE;
    long sessions;
    long playMs;
    long kills;
    long deaths;
    long chats;
    final Map<String, Double> stats = new TreeMap<>();
    final Map<String, long[]> names = new TreeMap<>();
    final Map<String, long[]> servers = new TreeMap<>();
  }

  /** A leaderboard: stat, operator best or incr, order, daily/weekly/none reset, time zone. */
  public record Board(
      String name, String stat, String operator, boolean asc, String reset, ZoneId zone) {
    /** The body of the {@code PUT} that defines this board over REST. */
    public String definition() {
      return String.format(
          "{\"stat\":\"%s\",\"operator\":\"%s\",\"order\":\"%s\",\"reset\":\"%s\","
              + "\"time_zone\":\"%s\"}",
          stat, operator, asc ? "asc" : "desc", reset, zone);
    }

    /** Defines this board on the default tenant through {@code api}. */
    public Api.Response define(Api api) {
      return api.send(
          "PUT", "/api/v1/accounts/default/leaderboards/" + name, definition(), "application/json");
    }
  }

  public final List<Board> boards = new ArrayList<>();
  // board -> period -> player -> {score, reached seq}
  final Map<String, Map<String, Map<String, double[]>>> scores = new TreeMap<>();
  private long seq;

  final Map<String, Server> servers = new TreeMap<>();
  final Map<String, Player> players = new TreeMap<>();
  // The time series: "server minute" -> "events/online/peak", "player minute" -> events.
  final Map<String, String> serverMinutes = new TreeMap<>();
  final Map<String, Long> playerBuckets = new TreeMap<>();
  private final Set<String> ids = new HashSet<>();
  private final long unresponsiveMs;
  public int deadLetters;

  public HistoryFold(long unresponsiveMs) {
    this.unresponsiveMs = unresponsiveMs;
  }

  /** Folds one message of the log. */
  public void message(
      long streamSeq, String subject, Function<String, String> header, byte[] body) {
    seq = streamSeq;
    Event event;
    try {
      event = CloudEventsCodec.decode(subject, header, body);
    } catch (ContractException e) {
      deadLetters++;
      return;
    }
    if (event.data() instanceof UnknownEventData) {
      deadLetters++;
      return;
    }
    if (ids.add(event.id())) {
      event(event);
    }
  }

  private void event(Event event) {
    long at = event.time().toEpochMilli();
    Server server = servers.get(event.serverId());
    if (server == null) {
      server = new Server();
      server.state = "online";
      server.lastEventAt = at;
      servers.put(event.serverId(), server);
    } else {
      if (at - server.lastEventAt > unresponsiveMs || event.data() instanceof ServerStarted) {
        closeAll(event.serverId(), server, server.lastEventAt);
      }
      server.lastEventAt = Math.max(server.lastEventAt, at);
    }
    server.lastEventType = event.type();
    switch (event.data()) {
      case ServerStarted started -> {
        server.state = "online";
        server.game = started.game() != null ? started.game() : server.game;
        server.map = started.map() != null ? started.map() : server.map;
        server.startedAt = at;
        server.stoppedAt = null;
      }
      case ServerStopped stopped -> {
        closeAll(event.serverId(), server, at);
        server.state = "stopped";
        server.stoppedAt = at;
      }
      case ServerHeartbeat heartbeat -> {
        server.state = "online";
        server.map = heartbeat.map() != null ? heartbeat.map() : server.map;
        server.stoppedAt = null;
      }
      default -> {}
    }
    if (event.playerId() != null) {
      player(server, event, at);
    }
    series(event, server, at);
  }

  // Per server and minute: events, players online after the minute's last event, the peak; per
  // player and ten minutes: events.
  private void series(Event event, Server server, long at) {
    long minute = Math.floorDiv(at, 60_000L);
    int online = server.sessions.size();
    serverMinutes.merge(
        event.serverId() + " " + minute,
        "1/" + online + "/" + online,
        (old, added) -> {
          String[] was = old.split("/");
          return (Long.parseLong(was[0]) + 1)
              + "/"
              + online
              + "/"
              + Math.max(Integer.parseInt(was[2]), online);
        });
    if (event.playerId() != null) {
      playerBuckets.merge(event.playerId() + " " + Math.floorDiv(minute, 10) * 10, 1L, Long::sum);
    }
  }

  private void player(Server server, Event event, long at) {
    Player player = players.computeIfAbsent(event.playerId(), id -> new Player());
    switch (event.data()) {
      case PlayerConnected connected -> {
        player.name = connected.name();
        server.sessions.putIfAbsent(event.playerId(), at);
        seen(player.names, connected.name(), at);
      }
      case PlayerDisconnected disconnected -> close(event.serverId(), server, event.playerId(), at);
      case PlayerKilled killed -> {
        player.kills++;
        score("kills", event, 1);
        server.sessions.putIfAbsent(event.playerId(), at); // present, connect logged or not
      }
      case PlayerDied died -> {
        player.deaths++;
        server.sessions.putIfAbsent(event.playerId(), at);
      }
      case PlayerChatted chatted -> {
        player.chats++;
        server.sessions.putIfAbsent(event.playerId(), at);
      }
      case PlayerRespawned respawned -> server.sessions.putIfAbsent(event.playerId(), at);
      case PlayerScored scored -> {
        Double old = player.stats.get(scored.stat());
        double v = scored.value();
        double value =
            switch (scored.operator()) {
              case BEST -> old == null || v > old ? v : old;
              case SET -> v;
              case INCR -> (old == null ? 0 : old) + v;
              case DECR -> (old == null ? 0 : old) - v;
            };
        player.stats.put(scored.stat(), value);
        score("scored." + scored.stat(), event, v);
      }
      default -> {}
    }
    player.firstSeen = Math.min(player.firstSeen, at);
    player.lastSeen = Math.max(player.lastSeen, at);
    seen(player.servers, event.serverId(), at);
  }

  private static void seen(Map<String, long[]> seen, String key, long at) {
    long[] range = seen.computeIfAbsent(key, k -> new long[] {at, at});
    range[0] = Math.min(range[0], at);
    range[1] = Math.max(range[1], at);
  }

  private void closeAll(String serverId, Server server, long end) {
    for (String player : Set.copyOf(server.sessions.keySet())) {
      close(serverId, server, player, end);
    }
  }

  private void close(String serverId, Server server, String playerId, long end) {
    Long since = server.sessions.remove(playerId);
    if (since != null) {
      Player player = players.get(playerId);
      player.sessions++;
      player.playMs += Math.max(0, end - since);
      for (Board board : boards) {
        if (board.stat().equals("play_time")) {
          for (long from = since; from < end; ) {
            long to = Math.min(end, HistoryPeriods.next(board, from));
            add(board, HistoryPeriods.key(board, from), playerId, (to - from) / 1000.0);
            from = to;
          }
        }
      }
    }
  }

  private void score(String stat, Event event, double value) {
    for (Board board : boards) {
      if (board.stat().equals(stat)) {
        add(board, HistoryPeriods.key(board, event.time().toEpochMilli()), event.playerId(), value);
      }
    }
  }

  private void add(Board board, String period, String player, double value) {
    Map<String, double[]> ranked =
        scores
            .computeIfAbsent(board.name(), b -> new TreeMap<>())
            .computeIfAbsent(period, p -> new TreeMap<>());
    double[] old = ranked.get(player);
    if (old == null) {
      ranked.put(player, new double[] {value, seq});
      return;
    }
    double score =
        !board.operator().equals("best")
            ? old[0] + value
            : (board.asc() ? value < old[0] : value > old[0]) ? value : old[0];
    if (score != old[0]) {
      old[0] = score;
      old[1] = seq;
    }
  }

  /** The expected entries of a board's period, "rank:player=score", in rank order. */
  List<String> entries(Board board, String period) {
    List<Map.Entry<String, double[]>> rows =
        new ArrayList<>(
            scores.getOrDefault(board.name(), Map.of()).getOrDefault(period, Map.of()).entrySet());
    rows.sort(
        Comparator.<Map.Entry<String, double[]>>comparingDouble(
                e -> board.asc() ? e.getValue()[0] : -e.getValue()[0])
            .thenComparingDouble(e -> e.getValue()[1])
            .thenComparing(Map.Entry::getKey));
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      entries.add((i + 1) + ":" + rows.get(i).getKey() + "=" + rows.get(i).getValue()[0]);
    }
    return entries;
  }

  /**
   * Folds every message of the tenant's {@code EVENTS} stream, read with {@code owner}'s connection
   * by a pull consumer of its own; answers the last stream sequence.
   */
  public long foldLog(Connection owner) throws Exception {
    // A platform that has just restarted catches up on the whole log: on a loaded machine the
    // broker's JetStream API can take longer than the connection's 2 s default to create a
    // consumer.
    JetStreamOptions patient = JetStreamOptions.builder().requestTimeout(API_TIMEOUT).build();
    JetStreamSubscription sub =
        owner
            .jetStream(patient)
            .subscribe(
                Subjects.ALL_SERVERS,
                PullSubscribeOptions.builder().stream(Subjects.EVENT_STREAM)
                    .configuration(ConsumerConfiguration.builder().build())
                    .build());
    long last = 0;
    while (true) {
      List<Message> batch = sub.fetch(1000, Duration.ofSeconds(2));
      if (batch.isEmpty()) {
        return last;
      }
      for (Message message : batch) {
        last = message.metaData().streamSequence();
        message(
            last,
            message.getSubject(),
            name -> message.getHeaders() == null ? null : message.getHeaders().getFirst(name),
            message.getData());
        message.ack();
      }
    }
  }
}
